import { describe, expect, it } from 'vitest';
import {
  createVirtualClock,
  isRepresentableInstant,
  MAX_INSTANT_MS,
  MIN_INSTANT_MS,
} from '../../src/core/clock.js';
import { START } from './scenario-fixture.js';

describe('virtual clock range', () => {
  it('is the range an RFC 3339 date-time can write: years 0000 to 9999', () => {
    expect(new Date(MAX_INSTANT_MS).toISOString()).toBe('9999-12-31T23:59:59.999Z');
    expect(new Date(MIN_INSTANT_MS).toISOString()).toBe('0000-01-01T00:00:00.000Z');
    expect(new Date(MAX_INSTANT_MS + 1).toISOString()).toBe('+010000-01-01T00:00:00.000Z');
    expect(isRepresentableInstant(MAX_INSTANT_MS)).toBe(true);
    expect(isRepresentableInstant(MIN_INSTANT_MS)).toBe(true);
    expect(isRepresentableInstant(MAX_INSTANT_MS + 1)).toBe(false);
    expect(isRepresentableInstant(MIN_INSTANT_MS - 1)).toBe(false);
    expect(isRepresentableInstant(Number.NaN)).toBe(false);
  });

  it.each([1e308, 2 ** 64, 8.64e15, 253_402_300_799_999, MAX_INSTANT_MS - START + 1])(
    'throws a RangeError when advanced by %s ms past 9999-12-31T23:59:59.999Z, and stays put',
    (ms) => {
      const clock = createVirtualClock(START);
      expect(() => clock.advance(ms)).toThrow(RangeError);
      expect(() => clock.advance(ms)).toThrow(
        /would pass 9999-12-31T23:59:59\.999Z, the last instant an RFC 3339 date-time can write/,
      );
      expect(clock.now()).toBe(START);
      expect(new Date(clock.now()).toISOString()).toMatch(/^\d{4}-/);
    },
  );

  it('advances up to 9999-12-31T23:59:59.999Z exactly', () => {
    const clock = createVirtualClock(START);
    expect(clock.advance(MAX_INSTANT_MS - START)).toBe(MAX_INSTANT_MS);
    expect(clock.advance(0)).toBe(MAX_INSTANT_MS);
    expect(() => clock.advance(1)).toThrow(RangeError);
  });

  it.each([1e308, 2 ** 64, 8.64e15, MAX_INSTANT_MS + 1])(
    'refuses to be set to %s and stays put',
    (instant) => {
      const clock = createVirtualClock(START);
      expect(clock.set(instant)).toMatchObject({
        ok: false,
        message: expect.stringMatching(/outside 0000-01-01T00:00:00\.000Z to 9999-12-31T23:59:59\.999Z/),
      });
      expect(clock.now()).toBe(START);
    },
  );

  it('refuses an instant before year 0000 without failing to write it', () => {
    const clock = createVirtualClock(START);
    expect(clock.set(-1e308)).toMatchObject({ ok: false, message: expect.stringMatching(/RFC 3339/) });
    expect(clock.now()).toBe(START);
  });

  it('sets 9999-12-31T23:59:59.999Z exactly', () => {
    const clock = createVirtualClock(START);
    expect(clock.set(MAX_INSTANT_MS)).toEqual({ ok: true, now: MAX_INSTANT_MS });
  });

  it.each([Number.NaN, 1e308, -(2 ** 64), MAX_INSTANT_MS + 1])('refuses to start at %s', (startMs) => {
    expect(() => createVirtualClock(startMs)).toThrow(RangeError);
  });
});
