import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextChangeAfter } from '../../src/core/next-change.js';
import type { Run } from '../../src/core/run.js';
import { itemStateAt, runStateAt } from '../../src/core/run-state.js';
import type { TimingModel } from '../../src/scenario/types.js';
import { fixedTiming, listFixture, START, tenantFixture } from './scenario-fixture.js';
import { moveTo, runRequest, simulatorFixture, startRun } from './simulator-fixture.js';

/** Everything a polling client can see of a run at `t`. */
const observe = (run: Run, t: number): string =>
  JSON.stringify([runStateAt(run, t), Array.from({ length: run.size }, (_, i) => itemStateAt(run, i, t))]);

const timingArbitrary: fc.Arbitrary<TimingModel> = fc.record({
  queueWait: fc.integer({ min: 0, max: 15 }).map((ms) => ({ type: 'fixed' as const, ms })),
  itemDuration: fc.oneof(
    fc.integer({ min: 0, max: 15 }).map((ms) => ({ type: 'fixed' as const, ms })),
    fc
      .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }))
      .map(([a, b]) => ({ type: 'uniform' as const, minMs: Math.min(a, b), maxMs: Math.max(a, b) })),
    fc
      .record({
        medianMs: fc.integer({ min: 1, max: 10 }),
        sigma: fc.double({ min: 0, max: 1.5, noNaN: true }),
        maxMs: fc.integer({ min: 1, max: 40 }),
      })
      .map((d) => ({ type: 'lognormal' as const, ...d })),
  ),
  concurrency: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant(Number.POSITIVE_INFINITY)),
  failure: fc.record({
    rate: fc.constantFrom(0, 0.4, 1),
    maxAttempts: fc.integer({ min: 1, max: 3 }),
    messages: fc.constant(['boom']),
  }),
});

describe('nextChangeAfter', () => {
  it('reports the start, each wave, and the completion of a simple run, then null', () => {
    const { sim } = simulatorFixture({ seed: 1_101 });
    const run = startRun(sim, 'key_a');
    expect(nextChangeAfter(run, START)).toBe(START + 1_000);
    expect(nextChangeAfter(run, START + 1_000)).toBe(START + 3_000);
    expect(nextChangeAfter(run, START + 3_000)).toBe(START + 5_000);
    expect(nextChangeAfter(run, START + 5_000)).toBeNull();
  });

  it('reports an attempt ending while the item keeps running', () => {
    const { sim } = simulatorFixture({
      seed: 1_102,
      timing: {
        default: fixedTiming({ concurrency: 20, failure: { rate: 1, maxAttempts: 2, messages: ['x'] } }),
      },
    });
    const run = startRun(sim, 'key_a');
    expect(nextChangeAfter(run, START + 1_000)).toBe(START + 3_000);
    expect(itemStateAt(run, 0, START + 3_000)).toMatchObject({ status: 'running', attempts: 2 });
  });

  it('never skips an observable change: nothing changes between t and the next change, nor after null', () => {
    fc.assert(
      fc.property(
        timingArbitrary,
        fc.integer({ min: 1, max: 25 }),
        fc.option(fc.integer({ min: 0, max: 80 })),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (timing, size, cancelAfter, seed) => {
          const { sim, clock } = simulatorFixture({
            seed,
            timing: { default: timing },
            races: { tieBreak: 'cancel' },
            world: { defaults: tenantFixture({ credits: 1_000, lists: [listFixture({ generate: size })] }) },
          });
          const run = startRun(sim, 'key_a', runRequest());
          if (cancelAfter !== null) {
            moveTo(clock, START + cancelAfter);
            sim.cancelRun('key_a', run.id, 'puffle');
          }
          const horizon = Math.max(run.schedule.runEnd, clock.now()) + 100;
          let t = clock.now();
          let seen = observe(run, t);
          for (let steps = 0; steps < 10_000; steps++) {
            const next = nextChangeAfter(run, t);
            const until = next ?? horizon;
            if (next !== null) expect(next).toBeGreaterThan(t);
            for (let between = t + 1; between < until; between++) {
              if (observe(run, between) !== seen)
                expect.fail(`change at ${between} missed: t=${t}, next=${next}`);
            }
            if (next === null) return;
            t = next;
            seen = observe(run, t);
          }
          expect.fail('nextChangeAfter never settled');
        },
      ),
      { seed: 1_103, numRuns: 150 },
    );
  });
});
