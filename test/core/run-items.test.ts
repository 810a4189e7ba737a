import { describe, expect, it } from 'vitest';
import { generatedLeadId } from '../../src/core/lead-list.js';
import { itemStateAt } from '../../src/core/run-state.js';
import type { ItemView, Simulator } from '../../src/core/simulator.js';
import type { Run } from '../../src/core/run.js';
import { fixedTiming, START } from './scenario-fixture.js';
import { moveTo, runRequest, simulatorFixture, startRun } from './simulator-fixture.js';

/** Every item of a run, read one page of `limit` at a time. */
function readAll(sim: Simulator, run: Run, limit: number, status?: ItemView['status']): ItemView[] {
  const all: ItemView[] = [];
  let afterIndex = -1;
  for (;;) {
    const page = sim.items(run, { afterIndex, limit, ...(status ? { status } : {}) });
    all.push(...page.items);
    const last = page.items.at(-1);
    if (!page.hasMore || !last) return all;
    afterIndex = last.index;
  }
}

describe('items', () => {
  it('reads a late page without reading the earlier ones, identical to a full read', () => {
    const timing = fixedTiming({
      itemDuration: { type: 'uniform', minMs: 500, maxMs: 4_000 },
      failure: { rate: 0.3, maxAttempts: 2, messages: ['No match'] },
    });
    const cold = simulatorFixture({ seed: 601, timing: { default: timing } });
    const warm = simulatorFixture({ seed: 601, timing: { default: timing } });
    const coldRun = startRun(cold.sim, 'key_a');
    const warmRun = startRun(warm.sim, 'key_a');
    moveTo(cold.clock, START + 3_500);
    moveTo(warm.clock, START + 3_500);
    const full = readAll(warm.sim, warmRun, 3);
    expect(full.map((item) => item.index)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(cold.sim.items(coldRun, { afterIndex: 14, limit: 4 })).toEqual({
      items: full.slice(15, 19),
      hasMore: true,
    });
    expect(cold.sim.items(coldRun, { afterIndex: 15, limit: 4 })).toEqual({
      items: full.slice(16, 20),
      hasMore: false,
    });
  });

  it('pages through items of one status, in index order, matching the counts', () => {
    const { sim, clock } = simulatorFixture({
      seed: 602,
      timing: {
        default: fixedTiming({
          itemDuration: { type: 'uniform', minMs: 500, maxMs: 4_000 },
          failure: { rate: 0.3, maxAttempts: 2, messages: ['No match'] },
          concurrency: 3,
        }),
      },
    });
    const run = startRun(sim, 'key_a');
    for (let t = START; t <= run.schedule.runEnd + 1_000; t += 700) {
      moveTo(clock, t);
      const counts = sim.state(run).counts;
      for (const status of ['pending', 'running', 'completed', 'failed', 'skipped'] as const) {
        const items = readAll(sim, run, 2, status);
        expect(items).toHaveLength(counts[status]);
        for (const item of items) expect(item.status).toBe(status);
        const indexes = items.map((item) => item.index);
        expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
      }
    }
  });

  it('answers hasMore only when another item follows', () => {
    const { sim } = simulatorFixture({ seed: 603 });
    const run = startRun(sim, 'key_a');
    expect(sim.items(run, { limit: 20 })).toMatchObject({ hasMore: false });
    expect(sim.items(run, { limit: 19 })).toMatchObject({ hasMore: true });
    expect(sim.items(run, { afterIndex: 19, limit: 5 })).toEqual({ items: [], hasMore: false });
    expect(sim.items(run, { status: 'running', limit: 5 })).toEqual({ items: [], hasMore: false });
  });

  it.each([
    { given: 0, want: { items: 0, hasMore: true } },
    { given: -3, want: { items: 0, hasMore: true } },
    { given: Number.NaN, want: { items: 0, hasMore: true } },
    { given: 2.7, want: { items: 2, hasMore: true } },
    { given: Number.POSITIVE_INFINITY, want: { items: 20, hasMore: false } },
  ])('reads $want.items items for limit $given', ({ given, want }) => {
    const { sim } = simulatorFixture({ seed: 609 });
    const run = startRun(sim, 'key_a');
    const page = sim.items(run, { limit: given });
    expect({ items: page.items.length, hasMore: page.hasMore }).toEqual(want);
  });

  it.each([-7, -1.5, 2.5])('treats afterIndex %s as the nearest whole index below', (afterIndex) => {
    const { sim } = simulatorFixture({ seed: 604 });
    const run = startRun(sim, 'key_a');
    const page = sim.items(run, { afterIndex, limit: 2 });
    const from = Math.max(0, Math.floor(afterIndex) + 1);
    expect(page.items.map((item) => item.index)).toEqual([from, from + 1]);
    for (const item of page.items) expect(item.lead.index).toBe(item.index);
  });

  it('finds the item of one lead, by lead id', () => {
    const { sim, clock } = simulatorFixture({ seed: 605 });
    const run = startRun(sim, 'key_a');
    if (run.scope.type !== 'list') expect.fail('expected a list run');
    const leadId = generatedLeadId(run.scope.list, 13);
    moveTo(clock, START + 3_000);
    expect(sim.items(run, { leadId, limit: 10 }).items.map((item) => [item.index, item.status])).toEqual([
      [13, 'running'],
    ]);
    expect(sim.items(run, { leadId, status: 'completed', limit: 10 }).items).toEqual([]);
    expect(sim.items(run, { leadId, afterIndex: 13, limit: 10 }).items).toEqual([]);
    expect(sim.items(run, { leadId: 'lead_nope', limit: 10 }).items).toEqual([]);
    const otherSecond = `${'0'.repeat(8)}${leadId.slice(8)}`;
    expect(sim.items(run, { leadId: otherSecond, limit: 10 }).items).toEqual([]);
  });

  it('numbers the items of a run over named leads in request order', () => {
    const { sim, clock } = simulatorFixture({ seed: 606 });
    const list = sim.tenant('key_a').listsById.get('list_people');
    if (!list) expect.fail('fixture list missing');
    const leadIds = [generatedLeadId(list, 7), generatedLeadId(list, 2)];
    const run = startRun(sim, 'key_a', runRequest({ scope: { type: 'leads', leadIds } }));
    moveTo(clock, run.schedule.runEnd);
    const items = sim.items(run, { limit: 10 }).items;
    expect(items.map((item) => [item.index, item.lead.id, item.status])).toEqual([
      [0, leadIds[0], 'completed'],
      [1, leadIds[1], 'completed'],
    ]);
    expect(sim.items(run, { leadId: leadIds[1] ?? '', limit: 10 }).items.map((item) => item.index)).toEqual([
      1,
    ]);
  });

  it('gives each (run, item) the same result on every read', () => {
    const { sim, clock } = simulatorFixture({ seed: 607 });
    const run = startRun(sim, 'key_a');
    moveTo(clock, run.schedule.runEnd);
    const first = sim.items(run, { afterIndex: 9, limit: 3 }).items.map((item) => item.result);
    sim.items(run, { limit: 20 });
    expect(sim.items(run, { afterIndex: 9, limit: 3 }).items.map((item) => item.result)).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });

  it('matches itemStateAt for every item it lists', () => {
    const { sim, clock } = simulatorFixture({ seed: 608 });
    const run = startRun(sim, 'key_a');
    moveTo(clock, START + 3_000);
    for (const item of sim.items(run, { limit: 20 }).items) {
      expect(item).toMatchObject({ ...itemStateAt(run, item.index, clock.now()) });
    }
  });
});
