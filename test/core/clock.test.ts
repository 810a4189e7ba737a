import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/core/clock.js';
import { START } from './scenario-fixture.js';

describe('createVirtualClock', () => {
  it('starts at the given instant and moves only when told to', () => {
    const clock = createVirtualClock(START);
    expect(clock.mode).toBe('virtual');
    expect(clock.now()).toBe(START);
    expect(clock.now()).toBe(START);
    expect(clock.advance(1_500)).toBe(START + 1_500);
    expect(clock.advance(0)).toBe(START + 1_500);
    expect(clock.now()).toBe(START + 1_500);
  });

  it('moves forward to an instant, or stays on the same instant', () => {
    const clock = createVirtualClock(START);
    expect(clock.set(START + 10)).toEqual({ ok: true, now: START + 10 });
    expect(clock.set(START + 10)).toEqual({ ok: true, now: START + 10 });
  });

  it('refuses to be set back in time and keeps its instant', () => {
    const clock = createVirtualClock(START);
    clock.advance(5_000);
    const moved = clock.set(START + 4_999);
    expect(moved.ok).toBe(false);
    if (!moved.ok) expect(moved.message).toMatch(/never goes backwards/);
    expect(clock.now()).toBe(START + 5_000);
  });

  it.each([
    { given: -1, want: /Cannot advance the clock by -1 ms/ },
    { given: Number.NaN, want: /Cannot advance the clock by NaN ms/ },
    { given: Number.POSITIVE_INFINITY, want: /Cannot advance the clock by Infinity ms/ },
  ])('throws when advanced by $given ms and stays put', ({ given, want }) => {
    const clock = createVirtualClock(START);
    expect(() => clock.advance(given)).toThrow(want);
    expect(clock.now()).toBe(START);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses to be set to the non-finite instant %s',
    (given) => {
      const clock = createVirtualClock(START);
      expect(clock.set(given)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/not a finite instant/),
      });
      expect(clock.now()).toBe(START);
    },
  );
});
