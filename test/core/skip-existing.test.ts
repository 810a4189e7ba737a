import { describe, expect, it } from 'vitest';
import { generatedLeadId } from '../../src/core/lead-list.js';
import type { Run } from '../../src/core/run.js';
import type { Simulator } from '../../src/core/simulator.js';
import { fixedTiming, listFixture, START, tenantFixture } from './scenario-fixture.js';
import { moveTo, runRequest, simulatorFixture, startRun } from './simulator-fixture.js';

const skippedIndexes = (sim: Simulator, run: Run): number[] =>
  sim.items(run, { status: 'skipped', limit: 1_000 }).items.map((item) => item.index);
const failedIndexes = (sim: Simulator, run: Run): number[] =>
  sim.items(run, { status: 'failed', limit: 1_000 }).items.map((item) => item.index);

describe('skip_existing', () => {
  it('skips written-out leads that carry the attribute, already_enriched', () => {
    const { sim } = simulatorFixture({
      seed: 701,
      world: {
        defaults: tenantFixture({
          lists: [
            listFixture({
              generate: 3,
              leads: [
                { attributes: { workEmail: 'ann@acme.com' } },
                { attributes: { workEmail: null } },
                { id: 'lead_custom', attributes: { workEmail: 'bo@acme.com' } },
              ],
            }),
          ],
        }),
      },
    });
    const run = startRun(sim, 'key_a', runRequest({ writePolicy: 'skip_existing' }));
    expect(skippedIndexes(sim, run)).toEqual([0, 2]);
    expect(sim.state(run).counts).toEqual({ pending: 4, running: 0, completed: 0, failed: 0, skipped: 2 });
    expect(sim.items(run, { limit: 1 }).items[0]).toMatchObject({
      status: 'skipped',
      skippedReason: 'already_enriched',
    });
    const overwrite = startRun(sim, 'key_a', runRequest());
    expect(skippedIndexes(sim, overwrite)).toEqual([]);
  });

  it('skips about the pre-enriched share of generated leads', () => {
    const { sim } = simulatorFixture({
      seed: 702,
      world: {
        defaults: tenantFixture({
          credits: 2_000,
          lists: [listFixture({ generate: 2_000 })],
          preEnriched: { workEmail: 0.25 },
        }),
      },
    });
    const run = startRun(sim, 'key_a', runRequest({ writePolicy: 'skip_existing' }));
    const skipped = sim.state(run).counts.skipped;
    expect(skipped).toBeGreaterThan(400);
    expect(skipped).toBeLessThan(600);
    for (const item of sim.items(run, { status: 'skipped', limit: 50 }).items) {
      expect(sim.attribute('key_a', item.lead, 'workEmail').value).toEqual(expect.any(String));
    }
  });

  it('skips the leads an earlier run completed by now, and retries the ones it failed', () => {
    const { sim, clock } = simulatorFixture({
      seed: 703,
      timing: { default: fixedTiming({ failure: { rate: 0.4, maxAttempts: 1, messages: ['No match'] } }) },
    });
    const first = startRun(sim, 'key_a');
    moveTo(clock, first.schedule.runEnd);
    const failed = failedIndexes(sim, first);
    expect(failed.length).toBeGreaterThan(0);
    const second = startRun(sim, 'key_a', runRequest({ writePolicy: 'skip_existing' }));
    const notSkipped = sim.items(second, { status: 'pending', limit: 100 }).items.map((item) => item.index);
    expect(notSkipped).toEqual(failed);
  });

  it("skips only the leads the earlier run has completed by the new run's creation", () => {
    const { sim, clock } = simulatorFixture({ seed: 704 });
    startRun(sim, 'key_a');
    moveTo(clock, START + 2_999);
    const second = startRun(sim, 'key_a', runRequest({ writePolicy: 'skip_existing' }));
    expect(skippedIndexes(sim, second)).toEqual([]);
    moveTo(clock, START + 3_000);
    const third = startRun(sim, 'key_a', runRequest({ writePolicy: 'skip_existing' }));
    expect(skippedIndexes(sim, third)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('sees writes across scopes: named leads after a list run, and a list after named leads', () => {
    const { sim, clock } = simulatorFixture({ seed: 705 });
    const list = sim.tenant('key_a').listsById.get('list_people');
    if (!list) expect.fail('fixture list missing');
    const named = startRun(
      sim,
      'key_a',
      runRequest({ scope: { type: 'leads', leadIds: [generatedLeadId(list, 4)] } }),
    );
    moveTo(clock, named.schedule.runEnd);
    const overList = startRun(sim, 'key_a', runRequest({ writePolicy: 'skip_existing' }));
    expect(skippedIndexes(sim, overList)).toEqual([4]);
    moveTo(clock, overList.schedule.runEnd);
    const leadIds = [generatedLeadId(list, 4), generatedLeadId(list, 9)];
    const overNamed = startRun(
      sim,
      'key_a',
      runRequest({ writePolicy: 'skip_existing', scope: { type: 'leads', leadIds } }),
    );
    expect(skippedIndexes(sim, overNamed)).toEqual([0, 1]);
  });

  it('ignores writes of runs to other attributes, and of deleted runs', () => {
    const { sim, clock } = simulatorFixture({ seed: 706 });
    const other = startRun(sim, 'key_a', runRequest({ outputAttribute: 'personalEmail' }));
    const deleted = startRun(sim, 'key_a');
    moveTo(clock, deleted.schedule.runEnd);
    sim.deleteRun('key_a', deleted.id, 'puffle');
    expect(sim.state(other).status).toBe('completed');
    const run = startRun(sim, 'key_a', runRequest({ writePolicy: 'skip_existing' }));
    expect(skippedIndexes(sim, run)).toEqual([]);
  });

  it('keeps the writes of an expired run on its leads after the run is no longer found', () => {
    const { sim, clock } = simulatorFixture({ seed: 707 });
    const expiring = startRun(sim, 'key_a', runRequest({ ttlMs: 10_000 }));
    moveTo(clock, expiring.schedule.runEnd);
    const lead = sim.items(expiring, { limit: 1 }).items[0]?.lead;
    if (!lead) expect.fail('no lead');
    const written = sim.attribute('key_a', lead, 'workEmail');
    expect(written.runId).toBe(expiring.id);
    moveTo(clock, START + 10_000);
    expect(sim.getRun('key_a', expiring.id, 'puffle')).toBeUndefined();
    expect(sim.attribute('key_a', lead, 'workEmail')).toEqual(written);
    const run = startRun(sim, 'key_a', runRequest({ writePolicy: 'skip_existing' }));
    expect(skippedIndexes(sim, run)).toContain(0);
  });
});

describe('attribute', () => {
  it('holds the latest completed write, else the written-out value, else null', () => {
    const { sim, clock } = simulatorFixture({
      seed: 708,
      world: {
        defaults: tenantFixture({
          lists: [listFixture({ generate: 1, leads: [{ attributes: { workEmail: 'old@acme.com' } }] })],
        }),
      },
    });
    const list = sim.tenant('key_a').listsById.get('list_people');
    if (!list) expect.fail('fixture list missing');
    const written = sim.leadAt(list, 0);
    const generated = sim.leadAt(list, 1);
    if (!written || !generated) expect.fail('fixture leads missing');
    expect(sim.attribute('key_a', written, 'workEmail')).toEqual({
      value: 'old@acme.com',
      at: null,
      runId: null,
    });
    expect(sim.attribute('key_a', generated, 'workEmail')).toEqual({ value: null, at: null, runId: null });
    expect(sim.attribute('key_a', generated, 'constructor')).toEqual({ value: null, at: null, runId: null });

    const first = startRun(sim, 'key_a');
    moveTo(clock, START + 1_500);
    const second = startRun(sim, 'key_a');
    moveTo(clock, first.schedule.runEnd);
    expect(sim.attribute('key_a', generated, 'workEmail')).toMatchObject({
      runId: first.id,
      at: first.schedule.runEnd,
    });
    moveTo(clock, second.schedule.runEnd);
    const latest = sim.attribute('key_a', generated, 'workEmail');
    expect(latest).toMatchObject({ runId: second.id, at: second.schedule.runEnd });
    expect(latest.value).toEqual(sim.items(second, { afterIndex: 0, limit: 1 }).items[0]?.result);
  });

  it('gives the pre-enrichment share to generated leads only, as skip_existing sees it', () => {
    const { sim } = simulatorFixture({
      seed: 709,
      world: {
        defaults: tenantFixture({
          lists: [listFixture({ generate: 2, leads: [{ attributes: { firstName: 'Ann' } }] })],
          preEnriched: { workEmail: 1 },
        }),
      },
    });
    const list = sim.tenant('key_a').listsById.get('list_people');
    const written = list && sim.leadAt(list, 0);
    const generated = list && sim.leadAt(list, 1);
    if (!written || !generated) expect.fail('fixture leads missing');
    expect(sim.attribute('key_a', written, 'workEmail').value).toBeNull();
    expect(sim.attribute('key_a', generated, 'workEmail')).toMatchObject({
      value: expect.stringMatching(/@/),
      runId: null,
    });
    const run = startRun(sim, 'key_a', runRequest({ writePolicy: 'skip_existing' }));
    expect(skippedIndexes(sim, run)).toEqual([1, 2]);
  });
});
