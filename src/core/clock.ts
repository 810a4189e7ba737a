/**
 * The only source of time for the simulator. The core never reads the wall clock: it asks a `Clock`.
 */
export interface Clock {
  readonly mode: 'virtual' | 'real';
  /** Current instant, in milliseconds since the Unix epoch. */
  now(): number;
}

/** A clock that moves only when told to, and never backwards. */
export interface VirtualClock extends Clock {
  readonly mode: 'virtual';
  /** Moves the clock forward by `ms` (>= 0) and returns the new instant. */
  advance(ms: number): number;
  /** Moves the clock to `instant`; refuses (returns an error) when that is in the past. */
  set(instant: number): { ok: true; now: number } | { ok: false; message: string };
}

/**
 * Creates a virtual clock starting at `startMs`.
 *
 * @example
 * const clock = createVirtualClock(Date.parse('2026-01-01T00:00:00Z'));
 * clock.advance(5_000);
 */
export function createVirtualClock(startMs: number): VirtualClock {
  let now = startMs;
  return {
    mode: 'virtual',
    now: () => now,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError(`Cannot advance the clock by ${ms} ms: give a finite number >= 0.`);
      now += ms;
      return now;
    },
    set(instant) {
      if (!Number.isFinite(instant))
        return { ok: false, message: `Cannot set the clock to ${instant}: not a finite instant.` };
      if (instant < now) {
        return {
          ok: false,
          message: `Cannot move the virtual clock back from ${new Date(now).toISOString()} to ${new Date(instant).toISOString()}: it never goes backwards.`,
        };
      }
      now = instant;
      return { ok: true, now };
    },
  };
}
