import { INSTANT_RANGE, isRepresentableInstant, type Clock } from '../core/clock.js';

/** A clock that follows the wall clock, optionally sped up. */
export interface RealClock extends Clock {
  readonly mode: 'real';
  /** Clock milliseconds that pass per wall-clock millisecond (1 = real time). */
  readonly speed: number;
}

export interface RealClockOptions {
  /** Clock milliseconds per wall-clock millisecond; default 1. Must be a finite number > 0. */
  speed?: number;
  /** The instant the clock shows when it is created; default the wall-clock time of creation. */
  startMs?: number;
}

/**
 * Creates the clock of a server that runs in real time. With `speed` above 1, time runs faster from the
 * moment the clock is created (process start): at speed 60 a minute of simulated time passes every second.
 * Elapsed time is measured with the monotonic `performance.now()`, so the clock never goes backwards even
 * when the system time is adjusted; readings are whole milliseconds.
 *
 * @example
 * const clock = createRealClock({ speed: 10 });
 * clock.now(); // the wall-clock time at creation, plus ten times the time elapsed since
 */
export function createRealClock(options: RealClockOptions = {}): RealClock {
  const speed = options.speed ?? 1;
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new RangeError(
      `Cannot create a real clock with speed ${speed}: give a finite number > 0 (1 = real time).`,
    );
  }
  const startMs = options.startMs ?? Date.now();
  if (!isRepresentableInstant(startMs))
    throw new RangeError(
      `Cannot start a real clock at ${startMs} ms: give an instant from ${INSTANT_RANGE}, the range an RFC 3339 date-time can write.`,
    );
  const origin = performance.now();
  return {
    mode: 'real',
    speed,
    now: () => Math.floor(startMs + (performance.now() - origin) * speed),
  };
}
