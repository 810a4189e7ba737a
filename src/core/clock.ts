/**
 * The only source of time for the simulator. The core never reads the wall clock: it asks a `Clock`.
 */
export interface Clock {
  readonly mode: 'virtual' | 'real';
  /** Current instant, in milliseconds since the Unix epoch. */
  now(): number;
}

/** The last instant, in ms since the epoch, a JavaScript `Date` can represent (and `toISOString` write). */
export const MAX_INSTANT_MS = 8.64e15;

/** True for an instant a `Date` can represent: finite and within ±`MAX_INSTANT_MS`. */
export function isRepresentableInstant(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_INSTANT_MS;
}

/** A clock that moves only when told to, and never backwards. */
export interface VirtualClock extends Clock {
  readonly mode: 'virtual';
  /**
   * Moves the clock forward by `ms` (>= 0) and returns the new instant. Throws a `RangeError` (and stays
   * put) when `ms` is not a finite number >= 0 or the new instant is past `MAX_INSTANT_MS`.
   */
  advance(ms: number): number;
  /**
   * Moves the clock to `instant`; refuses (returns an error) when that is in the past or not an instant a
   * `Date` can represent (beyond ±`MAX_INSTANT_MS`).
   */
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
  if (!isRepresentableInstant(startMs))
    throw new RangeError(
      `Cannot start a virtual clock at ${startMs}: give an instant a Date can represent (within ±${MAX_INSTANT_MS} ms of the epoch).`,
    );
  let now = startMs;
  return {
    mode: 'virtual',
    now: () => now,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError(`Cannot advance the clock by ${ms} ms: give a finite number >= 0.`);
      if (!isRepresentableInstant(now + ms))
        throw new RangeError(
          `Cannot advance the clock by ${ms} ms: it would pass ${new Date(MAX_INSTANT_MS).toISOString()}, the last instant a Date can represent.`,
        );
      now += ms;
      return now;
    },
    set(instant) {
      if (!Number.isFinite(instant))
        return { ok: false, message: `Cannot set the clock to ${instant}: not a finite instant.` };
      if (!isRepresentableInstant(instant))
        return {
          ok: false,
          message: `Cannot set the clock to ${instant} ms: it is beyond ±${MAX_INSTANT_MS} ms (${new Date(MAX_INSTANT_MS).toISOString()}), the range a Date can represent.`,
        };
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
