import { describe, expect, it } from 'vitest';
import { createRealClock } from '../../src/clock/real-clock.js';

/** Waits until the monotonic clock has moved by `ms` (a real clock can only be observed by letting time pass). */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('createRealClock', () => {
  it('starts at the given instant, in real mode', () => {
    const clock = createRealClock({ startMs: Date.parse('2026-01-05T09:00:00Z') });
    expect(clock.mode).toBe('real');
    expect(clock.speed).toBe(1);
    expect(clock.now() - Date.parse('2026-01-05T09:00:00Z')).toBeLessThan(1_000);
  });

  it('follows the wall clock by default', () => {
    expect(Math.abs(createRealClock().now() - Date.now())).toBeLessThan(1_000);
  });

  it('runs `speed` times faster, in whole milliseconds, never backwards', () => {
    const clock = createRealClock({ speed: 1_000, startMs: 0 });
    const before = clock.now();
    spin(5);
    const after = clock.now();
    expect(Number.isInteger(after)).toBe(true);
    expect(after - before).toBeGreaterThanOrEqual(5_000);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses speed %s', (speed) => {
    expect(() => createRealClock({ speed })).toThrow(/finite number > 0/);
  });
});
