import type { Clock } from '../../src/core/clock.js';

/**
 * A real clock at its worst: it ticks one millisecond on every read (the n-th read gives `start + n`),
 * and counts the reads, so a second reading within one request shows.
 *
 * @example
 * const ticking = tickingClock();
 * const harness = createHarness({ clock: ticking.clock, seed: 1 });
 * const before = ticking.reads();
 */
export function tickingClock(start = Date.parse('2026-01-05T09:00:00Z')) {
  let now = start;
  let reads = 0;
  const clock: Clock = {
    mode: 'real',
    now: () => {
      reads += 1;
      return (now += 1);
    },
  };
  return { clock, reads: () => reads };
}
