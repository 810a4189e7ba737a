import { describe, expect, it } from 'vitest';
import { createVirtualClock, isRepresentableInstant, MAX_INSTANT_MS } from '../../src/core/clock.js';
import { START } from './scenario-fixture.js';

describe('virtual clock range', () => {
  it('is the range of a Date', () => {
    expect(new Date(MAX_INSTANT_MS).toISOString()).toBe('+275760-09-13T00:00:00.000Z');
    expect(Number.isNaN(new Date(MAX_INSTANT_MS + 1).getTime())).toBe(true);
    expect(isRepresentableInstant(MAX_INSTANT_MS)).toBe(true);
    expect(isRepresentableInstant(-MAX_INSTANT_MS)).toBe(true);
    expect(isRepresentableInstant(MAX_INSTANT_MS + 1)).toBe(false);
    expect(isRepresentableInstant(-MAX_INSTANT_MS - 1)).toBe(false);
    expect(isRepresentableInstant(Number.NaN)).toBe(false);
  });

  it.each([1e308, 2 ** 64, MAX_INSTANT_MS, MAX_INSTANT_MS - START + 1])(
    'throws a RangeError when advanced by %s ms past the last Date instant, and stays put',
    (ms) => {
      const clock = createVirtualClock(START);
      expect(() => clock.advance(ms)).toThrow(RangeError);
      expect(() => clock.advance(ms)).toThrow(/the last instant a Date can represent/);
      expect(clock.now()).toBe(START);
      expect(() => new Date(clock.now()).toISOString()).not.toThrow();
    },
  );

  it('advances up to the last Date instant exactly', () => {
    const clock = createVirtualClock(START);
    expect(clock.advance(MAX_INSTANT_MS - START)).toBe(MAX_INSTANT_MS);
    expect(clock.advance(0)).toBe(MAX_INSTANT_MS);
    expect(() => clock.advance(1)).toThrow(RangeError);
  });

  it.each([1e308, 2 ** 64, MAX_INSTANT_MS + 1])('refuses to be set to %s and stays put', (instant) => {
    const clock = createVirtualClock(START);
    expect(clock.set(instant)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/the range a Date can represent/),
    });
    expect(clock.now()).toBe(START);
  });

  it('refuses an instant before the first Date instant without failing to write it', () => {
    const clock = createVirtualClock(START);
    expect(clock.set(-1e308)).toMatchObject({ ok: false, message: expect.stringMatching(/range a Date/) });
    expect(clock.now()).toBe(START);
  });

  it('sets the last Date instant exactly', () => {
    const clock = createVirtualClock(START);
    expect(clock.set(MAX_INSTANT_MS)).toEqual({ ok: true, now: MAX_INSTANT_MS });
  });

  it.each([Number.NaN, 1e308, -(2 ** 64)])('refuses to start at %s', (startMs) => {
    expect(() => createVirtualClock(startMs)).toThrow(RangeError);
  });
});
