import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPrefixCounter, NEVER } from '../../src/core/prefix-counter.js';

const bruteCount = (flags: boolean[], m: number): number =>
  flags.slice(0, Math.max(0, m)).filter(Boolean).length;

describe('createPrefixCounter', () => {
  it.each([
    { given: { size: 0, m: 0 }, want: 0 },
    { given: { size: 0, m: 5 }, want: 0 },
    { given: { size: 1_000, m: -3 }, want: 0 },
    { given: { size: 1_000, m: 256 }, want: 128 },
    { given: { size: 1_000, m: 257 }, want: 129 },
    { given: { size: 1_000, m: 999 }, want: 500 },
    { given: { size: 1_000, m: 1_000 }, want: 500 },
    { given: { size: 1_000, m: 5_000 }, want: 500 },
  ])('counts even indices below $given.m of $given.size as $want', ({ given, want }) => {
    const counter = createPrefixCounter(given.size, (i) => i % 2 === 0);
    expect(counter.countBelow(given.m)).toBe(want);
  });

  it('agrees with a brute-force count for every prefix, across block boundaries', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 1_300 }), (flags) => {
        const counter = createPrefixCounter(flags.length, (i) => flags[i] === true);
        expect(counter.total).toBe(bruteCount(flags, flags.length));
        for (let m = -1; m <= flags.length + 1; m++) expect(counter.countBelow(m)).toBe(bruteCount(flags, m));
      }),
      { seed: 4_201, numRuns: 150 },
    );
  });

  it('agrees with a brute-force count for sparse and dense predicates on larger sizes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 299 }),
        (size, period, phase) => {
          const holds = (i: number): boolean => i % period === phase % period;
          const flags = Array.from({ length: size }, (_, i) => holds(i));
          const counter = createPrefixCounter(size, holds);
          for (const m of [0, 1, 255, 256, 257, 511, 512, 513, size - 1, size, size + 1]) {
            expect(counter.countBelow(m)).toBe(bruteCount(flags, m));
          }
        },
      ),
      { seed: 4_202, numRuns: 200 },
    );
  });

  it('finds the next index where the predicate holds, or Infinity when none is left', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 1_300 }), (flags) => {
        const counter = createPrefixCounter(flags.length, (i) => flags[i] === true);
        for (let m = -1; m <= flags.length + 1; m++) {
          const found = flags.findIndex((flag, i) => flag && i >= m);
          expect(counter.nextFrom(m)).toBe(found === -1 ? Number.POSITIVE_INFINITY : found);
        }
      }),
      { seed: 4_203, numRuns: 150 },
    );
  });

  it('finds the next index where the predicate does not hold, or Infinity past the end', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 1_300 }),
        fc.integer({ min: 0, max: 3 }),
        (flags, dense) => {
          const holds = flags.map((flag, i) => flag || i % 4 < dense);
          const counter = createPrefixCounter(holds.length, (i) => holds[i] === true);
          for (let m = -1; m <= holds.length + 1; m++) {
            const found = holds.findIndex((flag, i) => !flag && i >= m);
            expect(counter.nextWithout(m)).toBe(found === -1 ? Number.POSITIVE_INFINITY : found);
          }
        },
      ),
      { seed: 4_204, numRuns: 150 },
    );
  });

  it('skips whole blocks where the predicate always holds', () => {
    const counter = createPrefixCounter(1_000, (i) => i !== 700);
    expect(counter.nextWithout(0)).toBe(700);
    expect(counter.nextWithout(701)).toBe(Number.POSITIVE_INFINITY);
  });

  it('asks the predicate about each index once when built', () => {
    const asked: number[] = [];
    createPrefixCounter(600, (i) => {
      asked.push(i);
      return false;
    });
    expect(asked).toEqual(Array.from({ length: 600 }, (_, i) => i));
  });
});

describe('NEVER', () => {
  it('counts nothing and finds nothing', () => {
    expect(NEVER.total).toBe(0);
    expect(NEVER.countBelow(1_000)).toBe(0);
    expect(NEVER.nextFrom(3)).toBe(Number.POSITIVE_INFINITY);
    expect(NEVER.nextWithout(3)).toBe(3);
    expect(NEVER.nextWithout(-2)).toBe(0);
  });
});
