import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSchedule, type ItemOutcome } from '../../src/core/schedule.js';
import type { TimingModel } from '../../src/scenario/types.js';
import { fixedTiming } from './scenario-fixture.js';

const outcomes = (timing: TimingModel, size: number, key: number): ItemOutcome[] => {
  const schedule = createSchedule({ key, size, createdAt: 0, timing });
  return Array.from({ length: size }, (_, i) => schedule.outcome(i));
};

/** Every instant at which the number of items in flight can change. */
const instants = (items: readonly ItemOutcome[]): number[] => items.flatMap(({ start, end }) => [start, end]);

describe('concurrency: a start rate of waves', () => {
  it('starts at most `concurrency` items in any span of one wave interval, whatever the durations', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.nat(),
        (concurrency, size, medianMs, extraMs, key) => {
          const timing = fixedTiming({
            concurrency,
            itemDuration: { type: 'lognormal', medianMs, sigma: 1, maxMs: medianMs + extraMs },
            failure: { rate: 0.3, maxAttempts: 3, messages: ['x'] },
          });
          const items = outcomes(timing, size, key);
          for (const from of instants(items)) {
            const started = items.filter(({ start }) => start >= from && start < from + medianMs);
            expect(started.length).toBeLessThanOrEqual(concurrency);
          }
        },
      ),
    );
  });

  it('never has more than `concurrency` items in flight when every item takes the typical duration once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 50 }),
        fc.nat(),
        (concurrency, size, ms, key) => {
          const timing = fixedTiming({ concurrency, itemDuration: { type: 'fixed', ms } });
          const items = outcomes(timing, size, key);
          for (const t of instants(items)) {
            const running = items.filter(({ start, end }) => start <= t && t < end);
            expect(running.length).toBeLessThanOrEqual(concurrency);
          }
        },
      ),
    );
  });
});
