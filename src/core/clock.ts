/**
 * The only source of time for the simulator. The core never reads the wall clock: it asks a `Clock`.
 */
export interface Clock {
  readonly mode: 'virtual' | 'real';
  /** Current instant, in milliseconds since the Unix epoch. */
  now(): number;
}

/**
 * The last instant, in ms since the epoch, the mock's clock may show: 9999-12-31T23:59:59.999Z, the last
 * instant an RFC 3339 `date-time` can write (four-digit years). Past it `toISOString` writes `+010000-...`,
 * which no `date-time` schema (the mock's own included) accepts.
 */
export const MAX_INSTANT_MS = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * An instant (ms since the epoch) as an RFC 3339 date-time, the way every API here writes one; `null`
 * (no instant yet) stays `null`.
 *
 * @example
 * toIso(0); // '1970-01-01T00:00:00.000Z'
 */
export function toIso(ms: number): string;
export function toIso(ms: number | null): string | null;
export function toIso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** The first instant the mock's clock may show: 0000-01-01T00:00:00.000Z (before it years are negative). */
export const MIN_INSTANT_MS = Date.parse('0000-01-01T00:00:00.000Z');

/** True for an instant an RFC 3339 `date-time` can write: finite and within `MIN_INSTANT_MS`..`MAX_INSTANT_MS`. */
export function isRepresentableInstant(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS;
}

/** The range the clock may move in, for error messages. */
export const INSTANT_RANGE = `${toIso(MIN_INSTANT_MS)} to ${toIso(MAX_INSTANT_MS)}`;

/** A clock that moves only when told to, and never backwards. */
export interface VirtualClock extends Clock {
  readonly mode: 'virtual';
  /**
   * Moves the clock forward by `ms` (>= 0) and returns the new instant. Throws a `RangeError` (and stays
   * put) when `ms` is not a finite number >= 0 or the new instant is past `MAX_INSTANT_MS` (9999-12-31T23:59:59.999Z).
   */
  advance(ms: number): number;
  /**
   * Moves the clock to `instant`; refuses (returns an error) when that is in the past or outside
   * `MIN_INSTANT_MS`..`MAX_INSTANT_MS` (years 0000 to 9999).
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
      `Cannot start a virtual clock at ${startMs} ms: give an instant from ${INSTANT_RANGE} (${MIN_INSTANT_MS} to ${MAX_INSTANT_MS} ms), the range an RFC 3339 date-time can write.`,
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
          `Cannot advance the clock by ${ms} ms: it would pass ${toIso(MAX_INSTANT_MS)}, the last instant an RFC 3339 date-time can write. Advance by at most ${MAX_INSTANT_MS - now} ms.`,
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
          message: `Cannot set the clock to ${instant} ms: it is outside ${INSTANT_RANGE}, the range an RFC 3339 date-time can write. Give an instant from ${MIN_INSTANT_MS} to ${MAX_INSTANT_MS} ms.`,
        };
      if (instant < now) {
        return {
          ok: false,
          message: `Cannot move the virtual clock back from ${toIso(now)} to ${toIso(instant)}: it never goes backwards.`,
        };
      }
      now = instant;
      return { ok: true, now };
    },
  };
}
