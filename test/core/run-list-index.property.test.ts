import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/core/clock.js';
import type { Run } from '../../src/core/run.js';
import { compareRunAge, type RunFilter } from '../../src/core/run-list-index.js';
import { createSimulator, type Simulator } from '../../src/core/simulator.js';
import { scenarioFixture } from './scenario-fixture.js';
import { moveTo, runRequest, startRun } from './simulator-fixture.js';

/** One command of a random history, at a delay after the previous one (0: several runs at one instant). */
type Command =
  | { type: 'start'; after: number; tenant: number; vendor: number; ttlMs: number | null }
  | { type: 'cancel' | 'delete'; after: number; pick: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    type: fc.constant('start' as const),
    after: fc.constantFrom(0, 0, 500, 3_000),
    tenant: fc.integer({ min: 0, max: 3 }),
    vendor: fc.integer({ min: 0, max: 1 }),
    ttlMs: fc.option(fc.integer({ min: 0, max: 6_000 })),
  }),
  fc.record({
    type: fc.constantFrom('cancel' as const, 'delete' as const),
    after: fc.integer({ min: 0, max: 4_000 }),
    pick: fc.nat(),
  }),
);

const VENDORS = ['puffle', 'sendkit'];
const FILTERS: RunFilter[] = [
  {},
  { tenant: 'key_1' },
  { vendor: 'sendkit' },
  { tenant: 'key_2', vendor: 'puffle' },
  { tenant: 'key_9' },
];

/** The brute force: every live run the filter covers, sorted newest first. */
const scanned = (sim: Simulator, { tenant, vendor }: RunFilter): Run[] =>
  sim
    .allRuns()
    .filter(
      (run) =>
        (tenant === undefined || run.tenant === tenant) && (vendor === undefined || run.vendor === vendor),
    )
    .sort((a, b) => compareRunAge(b, a));

describe('the run list index', () => {
  it('lists the same runs as a sorted scan of every live run, from any cursor, on random histories', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), fc.nat(), (commands, cursorPick) => {
        const scenario = scenarioFixture({ seed: 1_607 });
        const clock = createVirtualClock(scenario.startAtMs);
        // A limit of three tenants: a fourth forgets the one idle longest, with its runs.
        const sim = createSimulator({ scenario, clock, tenantLimit: 3 });
        const started: Run[] = [];
        for (const step of commands) {
          moveTo(clock, clock.now() + step.after);
          if (step.type === 'start') {
            const vendor = VENDORS[step.vendor] ?? 'puffle';
            started.push(startRun(sim, `key_${step.tenant}`, runRequest({ vendor, ttlMs: step.ttlMs })));
          } else {
            const run = started[step.pick % Math.max(1, started.length)];
            if (run && step.type === 'cancel') sim.cancelRun(run.tenant, run.id, run.vendor);
            if (run && step.type === 'delete') sim.deleteRun(run.tenant, run.id, run.vendor);
          }
          for (const filter of FILTERS) {
            const want = scanned(sim, filter);
            expect([...sim.liveRunsNewestFirst(filter)]).toEqual(want);
            const cursor = want[cursorPick % Math.max(1, want.length)];
            if (cursor)
              expect([...sim.liveRunsNewestFirst(filter, (run) => compareRunAge(run, cursor) < 0)]).toEqual(
                want.slice(want.indexOf(cursor) + 1),
              );
          }
          for (const run of started)
            expect(sim.runById(run.id)).toBe(sim.allRuns().find((live) => live.id === run.id));
        }
      }),
      { numRuns: 100 },
    );
  });
});
