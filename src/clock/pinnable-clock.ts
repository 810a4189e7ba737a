import type { Clock } from '../core/clock.js';

/** A view of a clock that can be held at one instant while a piece of work runs. */
export interface PinnableClock extends Clock {
  /**
   * Runs `work` with every `now()` of this view answering `instant`, so one request reads one instant
   * however many times its operation asks; `work` is synchronous, so no other request runs meanwhile.
   */
  at<T>(instant: number, work: () => T): T;
}

/**
 * A view of `base` whose readings can be pinned: what the simulators read, so a request's operation sees
 * the single instant its pipeline read at the start (a real clock ticks between reads otherwise: a cancel
 * recorded at one millisecond and shown at the one before reads as not cancelled yet).
 *
 * @example
 * const clock = createPinnableClock(createRealClock());
 * const at = clock.now();
 * clock.at(at, () => simulator.cancelRun(key, id)); // every read inside is `at`
 */
export function createPinnableClock(base: Clock): PinnableClock {
  let pinned: number | undefined;
  return {
    get mode() {
      return base.mode;
    },
    now: () => pinned ?? base.now(),
    at(instant, work) {
      const outer = pinned;
      pinned = instant;
      try {
        return work();
      } finally {
        pinned = outer;
      }
    },
  };
}
