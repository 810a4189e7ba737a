import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsMs, sampleMs } from '../../src/core/distribution.js';
import type { Distribution } from '../../src/scenario/types.js';

const fixed = (ms: number): Distribution => ({ type: 'fixed', ms });
const uniform = (minMs: number, maxMs: number): Distribution => ({ type: 'uniform', minMs, maxMs });
const lognormal = (medianMs: number, sigma: number, maxMs: number): Distribution => ({
  type: 'lognormal',
  medianMs,
  sigma,
  maxMs,
});

/** Any distribution a scenario may hold, including awkward (fractional, degenerate) parameters. */
export const distributionArbitrary: fc.Arbitrary<Distribution> = fc.oneof(
  fc.double({ min: 0, max: 10_000, noNaN: true }).map(fixed),
  fc
    .tuple(fc.double({ min: 0, max: 10_000, noNaN: true }), fc.double({ min: 0, max: 10_000, noNaN: true }))
    .map(([a, b]) => uniform(Math.min(a, b), Math.max(a, b))),
  fc
    .tuple(
      fc.double({ min: 0, max: 10_000, noNaN: true }),
      fc.double({ min: 0, max: 3, noNaN: true }),
      fc.double({ min: 0, max: 100_000, noNaN: true }),
    )
    .map(([median, sigma, max]) => lognormal(median, sigma, max)),
);

describe('sampleMs', () => {
  it.each([
    { given: fixed(250), u: 0.9, want: 250 },
    { given: uniform(100, 200), u: 0, want: 100 },
    { given: uniform(100, 200), u: 0.5, want: 150 },
    { given: uniform(100, 200), u: 0.999_999, want: 200 },
    { given: lognormal(1_000, 0.5, 60_000), u: 0.5, want: 1_000 },
    { given: lognormal(1_000, 0, 60_000), u: 0.01, want: 1_000 },
    { given: lognormal(1_000, 3, 5_000), u: 0.999_999, want: 5_000 },
    { given: lognormal(1_000, 1, 60_000), u: 0.841_344_746, want: 2_718 },
  ])('draws $want ms from $given.type at u=$u', ({ given, u, want }) => {
    expect(sampleMs(given, u)).toBe(want);
  });

  it('draws lognormal values that grow with u', () => {
    const draws = [0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99].map((u) => sampleMs(lognormal(2_000, 0.8, 1e9), u));
    expect(draws).toEqual([...draws].sort((a, b) => a - b));
    expect(new Set(draws).size).toBe(draws.length);
  });

  it('always draws a whole number of ms within boundsMs', () => {
    fc.assert(
      fc.property(
        distributionArbitrary,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (d, u) => {
          const value = sampleMs(d, u);
          const { min, max, typical } = boundsMs(d);
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(min);
          expect(value).toBeLessThanOrEqual(max);
          expect(Number.isInteger(typical)).toBe(true);
          expect(typical).toBeGreaterThanOrEqual(min);
          expect(typical).toBeLessThanOrEqual(max);
        },
      ),
      { seed: 4_101, numRuns: 2_000 },
    );
  });
});

describe('boundsMs', () => {
  it.each([
    { given: fixed(250), want: { min: 250, max: 250, typical: 250 } },
    { given: uniform(100, 301), want: { min: 100, max: 301, typical: 201 } },
    { given: lognormal(2_000, 1, 30_000), want: { min: 0, max: 30_000, typical: 2_000 } },
    { given: lognormal(2_000, 1, 1_500), want: { min: 0, max: 1_500, typical: 1_500 } },
  ])('bounds $given.type draws by $want', ({ given, want }) => {
    expect(boundsMs(given)).toEqual(want);
  });
});
