import { describe, expect, it } from 'vitest';
import { generatedLeadId } from '../../src/core/lead-list.js';
import { latestWrite } from '../../src/core/lead-writes.js';
import { runRequest, simulatorFixture, startRun } from './simulator-fixture.js';

describe('liveRunsNaming', () => {
  it('finds a dispatch-failed run naming the lead, its item failed, though it writes nothing', () => {
    const { sim } = simulatorFixture({ seed: 1_613 });
    const list = sim.tenant('key_a').listsById.get('list_people');
    if (!list) return expect.fail('the fixture has list_people');
    const leadId = generatedLeadId(list, 2);
    const run = startRun(
      sim,
      'key_a',
      runRequest({ scope: { type: 'leads', leadIds: [leadId] }, dispatchFailure: 'Provider unreachable' }),
    );
    expect(sim.liveRunsNaming('key_a', leadId, 'workEmail')).toEqual([run]);
    expect(sim.items(run, { leadId, limit: 1 }).items[0]?.status).toBe('failed');
    expect(latestWrite(sim.tenant('key_a'), leadId, 'workEmail', sim.now())).toBeNull();
    expect(sim.unsettledRuns()).toEqual([]);
  });
});
