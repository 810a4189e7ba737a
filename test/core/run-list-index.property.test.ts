import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/core/clock.js';
import type { Run } from '../../src/core/run.js';
import { compareRunAge, type RunFilter } from '../../src/core/run-list-index.js';
import { createSimulator, type Simulator } from '../../src/core/simulator.js';
import { scenarioFixture } from './scenario-fixture.js';
import { historyCommand, moveTo, runRequest, startRun } from './simulator-fixture.js';

/** Histories where several runs often start at one instant (a delay of 0). */
const command = historyCommand(fc.constantFrom(0, 0, 500, 3_000), 2);

const VENDORS = ['puffle', 'sendkit'];
const FILTERS: RunFilter[] = [
  {},
  { tenant: 'key_1' },
  { vendor: 'sendkit' },
  { tenant: 'key_2', vendor: 'puffle' },
  { tenant: 'key_9' },
];

/** Three leads of the tenant's `list_people`, named one by one. */
const leadIds = (sim: Simulator, key: string): string[] => {
  const list = sim.tenant(key).listsById.get('list_people');
  return [1, 4, 6].flatMap((index) => (list ? (sim.leadAt(list, index)?.id ?? []) : []));
};

/** The brute force: every live run the filter covers, sorted newest first. */
const scanned = (sim: Simulator, { tenant, vendor }: RunFilter): Run[] =>
  sim
    .allRuns()
    .filter(
      (run) =>
        (tenant === undefined || run.tenant === tenant) && (vendor === undefined || run.vendor === vendor),
    )
    .sort((a, b) => compareRunAge(b, a));

describe('the run list index and the runs by lead', () => {
  it('list the same runs as a sorted scan of every live run, from any cursor, on random histories', () => {
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
            const key = `key_${step.tenant}`;
            // Sendkit's runs name leads one by one, Puffle's cover the whole list.
            const scope =
              vendor === 'sendkit' ? { scope: { type: 'leads' as const, leadIds: leadIds(sim, key) } } : {};
            // Odd tenants' Sendkit runs write another attribute.
            const outputAttribute =
              vendor === 'sendkit' && step.tenant % 2 === 1 ? 'phoneNumber' : 'workEmail';
            started.push(
              startRun(sim, key, runRequest({ vendor, ttlMs: step.ttlMs, outputAttribute, ...scope })),
            );
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
          for (const tenant of sim.tenants())
            for (const leadId of leadIds(sim, tenant.key))
              for (const attribute of ['workEmail', 'phoneNumber'])
                expect(sim.liveRunsNaming(tenant.key, leadId, attribute)).toEqual(
                  sim
                    .allRuns()
                    .filter(
                      (run) =>
                        run.tenant === tenant.key &&
                        run.outputAttribute === attribute &&
                        run.scope.type === 'leads' &&
                        run.scope.leadIds.includes(leadId),
                    )
                    .sort(compareRunAge),
                );
        }
      }),
      { numRuns: 100 },
    );
  });
});
