import { describe, expect, it } from 'vitest';
import { generatedLeadId } from '../../src/core/lead-list.js';
import { latestWrite } from '../../src/core/lead-writes.js';
import { sweepExpired } from '../../src/core/sweep-expired.js';
import { moveTo, runRequest, simulatorFixture, startRun } from './simulator-fixture.js';

describe('sweepExpired', () => {
  it('forgets the write indexes of deleted runs once they expire, and keeps those of expired runs', () => {
    const { sim, clock } = simulatorFixture({ seed: 1_611 });
    const owner = sim.tenant('key_a');
    const list = owner.listsById.get('list_people');
    if (!list) return expect.fail('the fixture has list_people');
    const [first, second] = [0, 1].map((index) => generatedLeadId(list, index));
    const leads = (leadIds: string[]) => runRequest({ ttlMs: 60_000, scope: { type: 'leads', leadIds } });
    const deleted = startRun(sim, 'key_a', leads([first ?? '', second ?? '']));
    const kept = startRun(sim, 'key_a', leads([second ?? '']));
    startRun(sim, 'key_a', runRequest({ ttlMs: 60_000 }));
    sim.deleteRun('key_a', deleted.id, deleted.vendor);
    const before = [...owner.writes.keys()];
    moveTo(clock, clock.now() + 120_000);
    sweepExpired(owner, clock.now());
    expect(owner.retired).toHaveLength(2);
    // The index over the first lead held only the deleted run: it goes; the others stay.
    expect([...owner.writes.keys()]).toEqual(before.filter((key) => !key.endsWith(`lead:${first}`)));
    expect([...owner.writes.values()].map((index) => index.size)).toEqual([1, 1]);
    expect(latestWrite(owner, second ?? '', 'workEmail', clock.now())?.run).toBe(kept);
  });
});
