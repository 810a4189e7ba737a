import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSchedule } from '../../src/core/schedule.js';
import type { TimingModel } from '../../src/scenario/types.js';
import { fixedTiming } from './scenario-fixture.js';

const timingArbitrary: fc.Arbitrary<TimingModel> = fc.record({
  queueWait: fc.integer({ min: 0, max: 30 }).map((ms) => ({ type: 'fixed' as const, ms })),
  itemDuration: fc.oneof(
    fc.integer({ min: 0, max: 30 }).map((ms) => ({ type: 'fixed' as const, ms })),
    fc
      .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }))
      .map(([a, b]) => ({ type: 'uniform' as const, minMs: Math.min(a, b), maxMs: Math.max(a, b) })),
    fc
      .record({
        medianMs: fc.integer({ min: 1, max: 20 }),
        sigma: fc.double({ min: 0, max: 2, noNaN: true }),
        maxMs: fc.integer({ min: 1, max: 80 }),
      })
      .map((d) => ({ type: 'lognormal' as const, ...d })),
  ),
  concurrency: fc.integer({ min: 1, max: 12 }),
  failure: fc.record({
    rate: fc.double({ min: 0, max: 1, noNaN: true }),
    maxAttempts: fc.integer({ min: 1, max: 4 }),
    messages: fc.constant(['x']),
  }),
});

describe('createSchedule', () => {
  it.each([
    { given: { concurrency: 3, index: 0 }, want: 1_000 },
    { given: { concurrency: 3, index: 2 }, want: 1_000 },
    { given: { concurrency: 3, index: 3 }, want: 3_000 },
    { given: { concurrency: 3, index: 9 }, want: 7_000 },
    { given: { concurrency: 0, index: 2 }, want: 5_000 },
    { given: { concurrency: Number.NaN, index: 2 }, want: 5_000 },
    { given: { concurrency: 2.9, index: 2 }, want: 3_000 },
    { given: { concurrency: Number.POSITIVE_INFINITY, index: 9 }, want: 1_000 },
  ])('starts item $given.index at +$want ms with concurrency $given.concurrency', ({ given, want }) => {
    const schedule = createSchedule({
      key: 7,
      size: 10,
      createdAt: 0,
      timing: fixedTiming({ concurrency: given.concurrency }),
    });
    expect(schedule.item(given.index).start).toBe(want);
  });

  it.each([
    { given: { t: 999 }, want: 0 },
    { given: { t: 1_000 }, want: 3 },
    { given: { t: 2_999 }, want: 3 },
    { given: { t: 3_000 }, want: 6 },
    { given: { t: 7_000 }, want: 10 },
    { given: { t: 1e12 }, want: 10 },
  ])('has started $want items by +$given.t ms', ({ given, want }) => {
    const schedule = createSchedule({
      key: 8,
      size: 10,
      createdAt: 0,
      timing: fixedTiming({ concurrency: 3 }),
    });
    expect(schedule.startedBy(given.t)).toBe(want);
  });

  it('counts every wave of a run whose concurrency is infinite as ended at once', () => {
    const schedule = createSchedule({
      key: 9,
      size: 10,
      createdAt: 0,
      timing: fixedTiming({ concurrency: Number.POSITIVE_INFINITY }),
    });
    expect(schedule.runEnd).toBe(3_000);
    expect(schedule.endedBy(3_000, 10)).toEqual({ completed: 10, failed: 0 });
  });

  it('agrees with a brute force over the item timelines: run end, started, ended, bounds', () => {
    fc.assert(
      fc.property(
        timingArbitrary,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.option(fc.func(fc.boolean())),
        (timing, size, key, skip) => {
          const isSkipped = skip ? (i: number): boolean => skip(i) : undefined;
          const schedule = createSchedule({
            key,
            size,
            createdAt: 100,
            timing,
            ...(isSkipped ? { isSkipped } : {}),
          });
          const items = Array.from({ length: size }, (_, index) => ({
            ...schedule.item(index),
            index,
            skipped: isSkipped?.(index) ?? false,
          }));
          const live = items.filter((item) => !item.skipped);
          expect(schedule.runEnd).toBe(Math.max(schedule.runStart, ...live.map((item) => item.end)));
          expect(schedule.failed.total).toBe(live.filter((item) => item.failed).length);
          for (const item of items) {
            expect(item.attemptEnds).toHaveLength(item.attempts);
            expect(item.attemptEnds.at(-1)).toBe(item.end);
          }
          const horizon = Math.max(schedule.runEnd, schedule.runStart) + 5;
          for (let t = 99; t <= horizon; t++) {
            const started = items.filter((item) => item.start <= t).length;
            const allEnded = schedule.allEndedBelow(t);
            const noneEnded = schedule.noneEndedFrom(t);
            const got = [0, Math.floor(size / 2), size].map((limit) => schedule.endedBy(t, limit));
            const want = [0, Math.floor(size / 2), size].map((limit) => {
              const ended = live.filter((item) => item.index < limit && item.end <= t);
              const failed = ended.filter((item) => item.failed).length;
              return { completed: ended.length - failed, failed };
            });
            const boundsHold = live.every(
              (item) => (item.index >= allEnded || item.end <= t) && (item.index < noneEnded || item.end > t),
            );
            if (
              schedule.startedBy(t) !== started ||
              JSON.stringify(got) !== JSON.stringify(want) ||
              !boundsHold
            ) {
              expect({ t, started: schedule.startedBy(t), got, boundsHold }).toEqual({
                t,
                started,
                got: want,
                boundsHold: true,
              });
            }
          }
        },
      ),
      { seed: 901, numRuns: 100 },
    );
  });

  it('skips the queue wait of a run whose every item is skipped up front', () => {
    const schedule = createSchedule({
      key: 10,
      size: 4,
      createdAt: 50,
      timing: fixedTiming(),
      isSkipped: () => true,
    });
    expect([schedule.runStart, schedule.runEnd]).toEqual([50, 50]);
  });
});
