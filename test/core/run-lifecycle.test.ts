import { describe, expect, it } from 'vitest';
import { itemStateAt, runStateAt, statusAt } from '../../src/core/run-state.js';
import { fixedTiming, START } from './scenario-fixture.js';
import { moveTo, runRequest, simulatorFixture, startRun } from './simulator-fixture.js';

// Default fixture timing: queue 1 s, items 2 s each, 10 at a time, 20 leads:
// wave 0 (items 0-9) runs 1 s..3 s, wave 1 (items 10-19) runs 3 s..5 s after creation.

describe('run lifecycle', () => {
  it('moves pending -> running -> completed as the virtual clock advances', () => {
    const { sim, clock } = simulatorFixture({ seed: 101 });
    const run = startRun(sim, 'key_a');
    expect(run.createdAt).toBe(START);
    expect(run.schedule.runStart).toBe(START + 1_000);
    expect(run.schedule.runEnd).toBe(START + 5_000);

    expect(sim.state(run)).toEqual({
      status: 'pending',
      counts: { pending: 20, running: 0, completed: 0, failed: 0, skipped: 0 },
      startedAt: null,
      completedAt: null,
      cancelledAt: null,
      updatedAt: START,
      error: null,
    });
    moveTo(clock, START + 999);
    expect(sim.state(run).status).toBe('pending');

    moveTo(clock, START + 1_000);
    expect(sim.state(run)).toMatchObject({
      status: 'running',
      counts: { pending: 10, running: 10, completed: 0, failed: 0, skipped: 0 },
      startedAt: START + 1_000,
      completedAt: null,
      updatedAt: START + 1_000,
    });

    moveTo(clock, START + 3_000);
    expect(sim.state(run)).toMatchObject({
      status: 'running',
      counts: { pending: 0, running: 10, completed: 10, failed: 0, skipped: 0 },
    });

    moveTo(clock, START + 4_999);
    expect(sim.state(run).status).toBe('running');

    moveTo(clock, START + 5_000);
    expect(sim.state(run)).toEqual({
      status: 'completed',
      counts: { pending: 0, running: 0, completed: 20, failed: 0, skipped: 0 },
      startedAt: START + 1_000,
      completedAt: START + 5_000,
      cancelledAt: null,
      updatedAt: START + 5_000,
      error: null,
    });
  });

  it('moves an item pending -> running -> completed with its lead and result', () => {
    const { sim, clock } = simulatorFixture({ seed: 102 });
    const run = startRun(sim, 'key_a');
    const item = (index: number) => sim.items(run, { afterIndex: index - 1, limit: 1 }).items[0];

    expect(item(12)).toMatchObject({
      index: 12,
      status: 'pending',
      attempts: 0,
      startedAt: null,
      result: null,
    });
    moveTo(clock, START + 3_000);
    expect(item(12)).toMatchObject({
      status: 'running',
      attempts: 1,
      startedAt: START + 3_000,
      result: null,
    });
    moveTo(clock, START + 5_000);
    const done = item(12);
    expect(done).toMatchObject({
      status: 'completed',
      attempts: 1,
      startedAt: START + 3_000,
      completedAt: START + 5_000,
      updatedAt: START + 5_000,
      error: null,
      skippedReason: null,
    });
    expect(done?.id).toBe(`${run.id}_00000012`);
    expect(done?.lead).toMatchObject({ index: 12, listId: 'list_people', subject: 'person' });
    expect(done?.result).toMatch(/@/);
  });

  it('retries a failing item up to maxAttempts and fails the run when every item fails', () => {
    const { sim, clock } = simulatorFixture({
      seed: 103,
      timing: {
        default: fixedTiming({ failure: { rate: 1, maxAttempts: 2, messages: ['Provider timed out'] } }),
      },
    });
    const run = startRun(sim, 'key_a');
    const item0 = (): ReturnType<typeof itemStateAt> => itemStateAt(run, 0, clock.now());

    moveTo(clock, START + 2_000);
    expect(item0()).toMatchObject({ status: 'running', attempts: 1 });
    moveTo(clock, START + 3_000);
    expect(item0()).toMatchObject({ status: 'running', attempts: 2 });
    moveTo(clock, START + 5_000);
    expect(item0()).toMatchObject({
      status: 'failed',
      attempts: 2,
      completedAt: START + 5_000,
      error: 'Provider timed out',
    });

    moveTo(clock, run.schedule.runEnd);
    expect(run.schedule.runEnd).toBe(START + 7_000);
    expect(sim.state(run)).toMatchObject({
      status: 'failed',
      counts: { pending: 0, running: 0, completed: 0, failed: 20, skipped: 0 },
      completedAt: START + 7_000,
      error: 'All 20 items failed',
    });
  });

  it('completes a run where only some items fail, with the failures counted', () => {
    const { sim, clock } = simulatorFixture({
      seed: 104,
      timing: {
        default: fixedTiming({ failure: { rate: 0.5, maxAttempts: 1, messages: ['No result', 'Bounced'] } }),
      },
    });
    const run = startRun(sim, 'key_a');
    moveTo(clock, run.schedule.runEnd);
    const state = sim.state(run);
    expect(state.status).toBe('completed');
    expect(state.counts.failed).toBeGreaterThan(0);
    expect(state.counts.completed).toBeGreaterThan(0);
    expect(state.counts.failed + state.counts.completed).toBe(20);
    const failed = sim.items(run, { status: 'failed', limit: 100 }).items;
    expect(failed).toHaveLength(state.counts.failed);
    for (const item of failed) expect(['No result', 'Bounced']).toContain(item.error);
  });

  it('records a dispatch failure as a failed run with the message, charging nothing', () => {
    const { sim, clock } = simulatorFixture({ seed: 105 });
    const run = startRun(sim, 'key_a', runRequest({ dispatchFailure: 'Worker pool unavailable' }));
    expect(run.creditsCharged).toBe(0);
    expect(sim.tenant('key_a').credits).toBe(1_000);
    expect(sim.getRun('key_a', run.id, 'puffle')).toBe(run);
    expect(sim.state(run)).toEqual({
      status: 'failed',
      counts: { pending: 0, running: 0, completed: 0, failed: 20, skipped: 0 },
      startedAt: null,
      completedAt: START,
      cancelledAt: null,
      updatedAt: START,
      error: 'Worker pool unavailable',
    });
    expect(sim.items(run, { limit: 1 }).items[0]).toMatchObject({
      status: 'failed',
      error: 'Worker pool unavailable',
    });
    moveTo(clock, START + 60_000);
    expect(sim.state(run).status).toBe('failed');
    expect(sim.cancelRun('key_a', run.id, 'puffle')).toEqual({
      ok: false,
      code: 'not_cancellable',
      status: 'failed',
    });
  });

  it('charges a dispatched run once, at creation', () => {
    const { sim, clock } = simulatorFixture({ seed: 106 });
    const run = startRun(
      sim,
      'key_a',
      runRequest({ enrichment: { ...runRequest().enrichment, creditCost: 3 } }),
    );
    expect(run.creditsCharged).toBe(60);
    expect(sim.tenant('key_a').credits).toBe(940);
    moveTo(clock, run.schedule.runEnd + 1);
    sim.state(run);
    expect(sim.tenant('key_a').credits).toBe(940);
  });

  it('forgets a run once its ttl has passed', () => {
    const { sim, clock } = simulatorFixture({ seed: 107 });
    const run = startRun(sim, 'key_a', runRequest({ ttlMs: 10_000 }));
    moveTo(clock, START + 9_999);
    expect(sim.getRun('key_a', run.id, 'puffle')).toBe(run);
    moveTo(clock, START + 10_000);
    expect(sim.getRun('key_a', run.id, 'puffle')).toBeUndefined();
    expect(sim.cancelRun('key_a', run.id, 'puffle')).toEqual({ ok: false, code: 'not_found' });
    expect(sim.allRuns()).toEqual([]);
  });

  it('keeps a run without ttl forever', () => {
    const { sim, clock } = simulatorFixture({ seed: 108 });
    const run = startRun(sim, 'key_a');
    moveTo(clock, START + 365 * 24 * 3_600_000);
    expect(sim.getRun('key_a', run.id, 'puffle')).toBe(run);
  });

  it('derives the same ledger from statusAt and runStateAt at every instant', () => {
    const { sim } = simulatorFixture({ seed: 109 });
    const run = startRun(sim, 'key_a');
    for (let t = START - 10; t <= run.schedule.runEnd + 10; t += 250) {
      expect(runStateAt(run, t).status).toBe(statusAt(run, t));
    }
  });

  it('hides a deleted run and stops it', () => {
    const { sim, clock } = simulatorFixture({ seed: 110 });
    const run = startRun(sim, 'key_a');
    moveTo(clock, START + 2_000);
    expect(sim.deleteRun('key_a', run.id, 'puffle')).toBe(run);
    expect(run.cancelledAt).toBe(START + 2_000);
    expect(sim.getRun('key_a', run.id, 'puffle')).toBeUndefined();
    expect(sim.deleteRun('key_a', run.id, 'puffle')).toBeUndefined();
    expect(sim.allRuns()).toEqual([]);
  });

  it('completes a run over leads that all carry the attribute already, at creation', () => {
    const { sim } = simulatorFixture({
      seed: 111,
      world: {
        defaults: {
          credits: 100,
          lists: [{ id: 'list_people', name: 'People', subject: 'person', generate: 8, leads: [] }],
          preEnriched: { workEmail: 1 },
        },
      },
    });
    const run = startRun(sim, 'key_a', runRequest({ writePolicy: 'skip_existing' }));
    expect(sim.state(run)).toEqual({
      status: 'completed',
      counts: { pending: 0, running: 0, completed: 0, failed: 0, skipped: 8 },
      startedAt: START,
      completedAt: START,
      cancelledAt: null,
      updatedAt: START,
      error: null,
    });
    expect(sim.items(run, { limit: 1 }).items[0]).toMatchObject({
      status: 'skipped',
      skippedReason: 'already_enriched',
    });
  });
});
