import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/scenario/duration.js';

describe('parseDuration', () => {
  it.each([
    { given: 250, want: 250 },
    { given: 0, want: 0 },
    { given: 12.6, want: 13 },
    { given: '250ms', want: 250 },
    { given: '2s', want: 2_000 },
    { given: '1.5s', want: 1_500 },
    { given: '5m', want: 300_000 },
    { given: '2h', want: 7_200_000 },
    { given: '7d', want: 604_800_000 },
    { given: '1m30s', want: 90_000 },
    { given: '1h 30m', want: 5_400_000 },
    { given: ' 10 s ', want: 10_000 },
    { given: '0ms', want: 0 },
  ])('reads $given as $want ms', ({ given, want }) => {
    expect(parseDuration(given)).toEqual({ ok: true, ms: want });
  });

  it.each([
    { given: '2 minutes' },
    { given: '250' },
    { given: '' },
    { given: '-1s' },
    { given: '1w' },
    { given: -5 },
    { given: Number.POSITIVE_INFINITY },
    { given: null },
    { given: true },
  ])('refuses $given with a message that shows how to write a duration', ({ given }) => {
    const parsed = parseDuration(given);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/duration/);
  });
});

describe('formatDuration', () => {
  it.each([
    { given: 0, want: '0ms' },
    { given: 1_500, want: '1s500ms' },
    { given: 90_000, want: '1m30s' },
    { given: 604_800_000, want: '7d' },
  ])('writes $given ms as $want', ({ given, want }) => {
    expect(formatDuration(given)).toBe(want);
  });

  it('writes any whole number of milliseconds as a string that parses back to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 86_400_000 }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toEqual({ ok: true, ms });
      }),
    );
  });
});
