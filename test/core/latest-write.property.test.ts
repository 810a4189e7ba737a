import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedLeadId } from '../../src/core/lead-list.js';
import { itemIndexOf, latestWrite } from '../../src/core/lead-writes.js';
import type { Run } from '../../src/core/run.js';
import { completedAtOf } from '../../src/core/run-state.js';
import type { Tenant } from '../../src/core/tenant.js';
import { fixedTiming } from './scenario-fixture.js';
import { moveTo, runRequest, simulatorFixture, startRun } from './simulator-fixture.js';

/** The latest write by scanning every writer run of the tenant (the definition the index must agree with). */
function bruteLatestWrite(owner: Tenant, leadId: string, attribute: string, t: number) {
  let latest: { run: Run; index: number; at: number } | null = null;
  for (const run of [...owner.retired, ...owner.runs.values()]) {
    if (run.outputAttribute !== attribute || run.dispatchError !== null) continue;
    if (run.createdAt > t || run.deletedAt !== null) continue;
    const index = itemIndexOf(run, leadId);
    const at = index < 0 ? null : completedAtOf(run, index, t);
    if (at !== null && (latest === null || at > latest.at)) latest = { run, index, at };
  }
  return latest;
}

type Command =
  | { type: 'list'; after: number }
  | { type: 'leads'; after: number; leads: number[] }
  | { type: 'cancel' | 'delete'; after: number; pick: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('list' as const), after: fc.integer({ min: 0, max: 3_000 }) }),
  fc.record({
    type: fc.constant('leads' as const),
    after: fc.integer({ min: 0, max: 3_000 }),
    leads: fc.array(fc.integer({ min: 0, max: 19 }), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    type: fc.constantFrom('cancel' as const, 'delete' as const),
    after: fc.integer({ min: 0, max: 3_000 }),
    pick: fc.nat(),
  }),
);

describe('latestWrite', () => {
  it('gives writes at the same instant to the run created first', () => {
    const { sim, clock } = simulatorFixture({ seed: 1_617, timing: { default: fixedTiming() } });
    const owner = sim.tenant('key_a');
    const list = owner.listsById.get('list_people');
    if (!list) return expect.fail('the fixture has list_people');
    const leadId = generatedLeadId(list, 3);
    const first = startRun(sim, 'key_a', runRequest({ scope: { type: 'leads', leadIds: [leadId] } }));
    const second = startRun(sim, 'key_a', runRequest({ scope: { type: 'leads', leadIds: [leadId] } }));
    moveTo(clock, clock.now() + 60_000);
    const t = clock.now();
    expect(completedAtOf(second, 0, t)).toBe(completedAtOf(first, 0, t));
    expect(latestWrite(owner, leadId, 'workEmail', t)?.run).toBe(first);
  });

  it('finds the same write as a scan of every writer run, on random histories', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 16 }), fc.boolean(), (commands, fixed) => {
        const { sim, clock } = simulatorFixture({
          seed: 1_603,
          timing: {
            default: fixedTiming({
              concurrency: 3,
              itemDuration: fixed
                ? { type: 'fixed', ms: 500 }
                : { type: 'lognormal', medianMs: 700, sigma: 1, maxMs: 4_000 },
            }),
          },
        });
        const owner = sim.tenant('key_a');
        const list = owner.listsById.get('list_people');
        if (!list) return expect.fail('the fixture has list_people');
        const ids = Array.from({ length: list.size }, (_, i) => generatedLeadId(list, i));
        const started: Run[] = [];
        for (const step of commands) {
          moveTo(clock, clock.now() + step.after);
          if (step.type === 'list') started.push(startRun(sim, 'key_a'));
          else if (step.type === 'leads')
            started.push(
              startRun(
                sim,
                'key_a',
                runRequest({ scope: { type: 'leads', leadIds: step.leads.map((i) => ids[i] ?? '') } }),
              ),
            );
          else {
            const run = started[step.pick % Math.max(1, started.length)];
            if (run && step.type === 'cancel') sim.cancelRun('key_a', run.id, run.vendor);
            if (run && step.type === 'delete') sim.deleteRun('key_a', run.id, run.vendor);
          }
          for (const offset of [0, 600, 5_000])
            for (const id of ids) {
              const t = clock.now() + offset;
              expect(latestWrite(owner, id, 'workEmail', t)).toEqual(
                bruteLatestWrite(owner, id, 'workEmail', t),
              );
            }
        }
      }),
      { numRuns: 80 },
    );
  });
});
