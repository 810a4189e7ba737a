import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextChangeAfter } from '../../src/core/next-change.js';
import type { Run } from '../../src/core/run.js';
import type { Simulator } from '../../src/core/simulator.js';
import { fixedTiming, START } from './scenario-fixture.js';
import {
  historyCommand,
  moveTo,
  runRequest,
  simulatorFixture,
  startRun,
  type HistoryCommand,
} from './simulator-fixture.js';

const command = historyCommand(fc.integer({ min: 0, max: 4_000 }));

/** The earliest next change over `runs`, or null. */
const earliest = (runs: readonly Run[], t: number): number | null =>
  runs.reduce<number | null>((next, run) => {
    const change = nextChangeAfter(run, t);
    return change !== null && (next === null || change < next) ? change : next;
  }, null);

const apply = (sim: Simulator, started: Run[], step: HistoryCommand): void => {
  if (step.type === 'start') {
    started.push(startRun(sim, `key_${step.tenant}`, runRequest({ ttlMs: step.ttlMs })));
    return;
  }
  const run = started[step.pick % Math.max(1, started.length)];
  if (!run) return;
  if (step.type === 'cancel') sim.cancelRun(run.tenant, run.id, run.vendor);
  else sim.deleteRun(run.tenant, run.id, run.vendor);
};

describe('unsettledRuns', () => {
  it('gives the same next change as a scan of every live run, on random histories', () => {
    fc.assert(
      fc.property(
        fc.array(command, { maxLength: 25 }),
        fc.integer({ min: 1, max: 5 }),
        (commands, concurrency) => {
          const { sim, clock } = simulatorFixture({
            seed: 1_601,
            timing: {
              default: fixedTiming({
                concurrency,
                itemDuration: { type: 'lognormal', medianMs: 800, sigma: 1, maxMs: 5_000 },
              }),
            },
          });
          const started: Run[] = [];
          for (const step of commands) {
            moveTo(clock, clock.now() + step.after);
            apply(sim, started, step);
            const now = clock.now();
            expect(earliest(sim.unsettledRuns(), now)).toBe(earliest(sim.allRuns(), now));
          }
          moveTo(clock, START + 200_000);
          expect(sim.unsettledRuns()).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
