import { describe, expect, it } from 'vitest';
import { START } from './scenario-fixture.js';
import { moveTo, simulatorFixture, startRun } from './simulator-fixture.js';

// Default fixture timing: the run starts 1 s after creation and completes at START + 5 s.
const END = START + 5_000;

describe('cancelRun', () => {
  it('cancels a pending run: every item is skipped run_cancelled and nothing is refunded', () => {
    const { sim, clock } = simulatorFixture({ seed: 301 });
    const run = startRun(sim, 'key_a');
    moveTo(clock, START + 500);
    const cancelled = sim.cancelRun('key_a', run.id, 'puffle');
    expect(cancelled).toMatchObject({ ok: true, run });
    const want = {
      status: 'cancelled',
      counts: { pending: 0, running: 0, completed: 0, failed: 0, skipped: 20 },
      startedAt: null,
      completedAt: START + 500,
      cancelledAt: START + 500,
      updatedAt: START + 500,
      error: null,
    };
    expect(cancelled.ok && cancelled.state).toEqual(want);
    moveTo(clock, END + 10_000);
    expect(sim.state(run)).toEqual(want);
    expect(sim.items(run, { limit: 1 }).items[0]).toMatchObject({
      status: 'skipped',
      skippedReason: 'run_cancelled',
      updatedAt: START + 500,
    });
    expect(sim.tenant('key_a').credits).toBe(980);
  });

  it('cancels a running run: pending items are skipped, running items finish on their own schedule', () => {
    const { sim, clock } = simulatorFixture({ seed: 302 });
    const run = startRun(sim, 'key_a');
    moveTo(clock, START + 2_000);
    expect(sim.cancelRun('key_a', run.id, 'puffle').ok).toBe(true);
    expect(sim.state(run)).toMatchObject({
      status: 'cancelled',
      counts: { pending: 0, running: 10, completed: 0, failed: 0, skipped: 10 },
      startedAt: START + 1_000,
      cancelledAt: START + 2_000,
      completedAt: START + 2_000,
    });
    expect(sim.items(run, { afterIndex: 9, limit: 1 }).items[0]).toMatchObject({
      status: 'skipped',
      skippedReason: 'run_cancelled',
    });
    moveTo(clock, START + 3_000);
    expect(sim.state(run)).toMatchObject({
      status: 'cancelled',
      counts: { pending: 0, running: 0, completed: 10, failed: 0, skipped: 10 },
      cancelledAt: START + 2_000,
      completedAt: START + 2_000,
    });
    expect(sim.items(run, { limit: 1 }).items[0]).toMatchObject({
      status: 'completed',
      completedAt: START + 3_000,
    });
    expect(sim.tenant('key_a').credits).toBe(980);
  });

  it('lets the items that start at the cancel instant run', () => {
    const { sim, clock } = simulatorFixture({ seed: 303 });
    const run = startRun(sim, 'key_a');
    moveTo(clock, START + 3_000);
    expect(sim.cancelRun('key_a', run.id, 'puffle').ok).toBe(true);
    expect(sim.state(run).counts).toEqual({ pending: 0, running: 10, completed: 10, failed: 0, skipped: 0 });
  });

  it('answers a second cancel with not_cancellable', () => {
    const { sim, clock } = simulatorFixture({ seed: 304 });
    const run = startRun(sim, 'key_a');
    moveTo(clock, START + 2_000);
    expect(sim.cancelRun('key_a', run.id, 'puffle').ok).toBe(true);
    expect(sim.cancelRun('key_a', run.id, 'puffle')).toEqual({
      ok: false,
      code: 'not_cancellable',
      status: 'cancelled',
    });
    moveTo(clock, START + 2_500);
    expect(sim.cancelRun('key_a', run.id, 'puffle')).toEqual({
      ok: false,
      code: 'not_cancellable',
      status: 'cancelled',
    });
    expect(run.cancelledAt).toBe(START + 2_000);
  });

  it.each([false, true])(
    'answers a cancel after completion with not_cancellable (cancelAlwaysLoses %s)',
    (cancelAlwaysLoses) => {
      const { sim, clock } = simulatorFixture({ seed: 305, races: { cancelAlwaysLoses } });
      const run = startRun(sim, 'key_a');
      moveTo(clock, END + 1);
      expect(sim.cancelRun('key_a', run.id, 'puffle')).toEqual({
        ok: false,
        code: 'not_cancellable',
        status: 'completed',
      });
      expect(sim.state(run).status).toBe('completed');
    },
  );

  it('answers a cancel of an unknown run with not_found', () => {
    const { sim } = simulatorFixture({ seed: 306 });
    startRun(sim, 'key_a');
    expect(sim.cancelRun('key_a', 'run_nope', 'puffle')).toEqual({ ok: false, code: 'not_found' });
  });

  it.each([
    {
      tieBreak: 'completion' as const,
      want: { ok: false, code: 'status_changed', status: 'completed' },
      status: 'completed',
    },
    { tieBreak: 'cancel' as const, want: { ok: true }, status: 'cancelled' },
  ])(
    'resolves a cancel at the exact completion instant by tieBreak $tieBreak',
    ({ tieBreak, want, status }) => {
      const { sim, clock } = simulatorFixture({ seed: 307, races: { tieBreak } });
      const run = startRun(sim, 'key_a');
      moveTo(clock, END - 1);
      expect(sim.state(run).status).toBe('running');
      moveTo(clock, END);
      expect(sim.cancelRun('key_a', run.id, 'puffle')).toMatchObject(want);
      expect(sim.state(run).status).toBe(status);
      expect(sim.state(run).counts).toEqual({ pending: 0, running: 0, completed: 20, failed: 0, skipped: 0 });
      moveTo(clock, END + 1);
      expect(sim.state(run).status).toBe(status);
    },
  );

  it('cancels the instant before completion when there is no race window', () => {
    const { sim, clock } = simulatorFixture({ seed: 308 });
    const run = startRun(sim, 'key_a');
    moveTo(clock, END - 1);
    expect(sim.cancelRun('key_a', run.id, 'puffle').ok).toBe(true);
    expect(sim.state(run)).toMatchObject({ status: 'cancelled', completedAt: END - 1, cancelledAt: END - 1 });
  });

  it.each([
    { tieBreak: 'completion' as const, offset: -501, want: 'cancelled' },
    { tieBreak: 'completion' as const, offset: -500, want: 'status_changed' },
    { tieBreak: 'completion' as const, offset: -1, want: 'status_changed' },
    { tieBreak: 'completion' as const, offset: 0, want: 'status_changed' },
    { tieBreak: 'completion' as const, offset: 1, want: 'status_changed' },
    { tieBreak: 'completion' as const, offset: 300, want: 'status_changed' },
    { tieBreak: 'completion' as const, offset: 301, want: 'not_cancellable' },
    { tieBreak: 'cancel' as const, offset: -501, want: 'cancelled' },
    { tieBreak: 'cancel' as const, offset: -500, want: 'status_changed' },
    { tieBreak: 'cancel' as const, offset: -1, want: 'status_changed' },
    { tieBreak: 'cancel' as const, offset: 0, want: 'cancelled' },
    { tieBreak: 'cancel' as const, offset: 1, want: 'status_changed' },
    { tieBreak: 'cancel' as const, offset: 300, want: 'status_changed' },
    { tieBreak: 'cancel' as const, offset: 301, want: 'not_cancellable' },
  ])(
    'answers a cancel $offset ms from completion with $want (windows 500/300 ms, tieBreak $tieBreak)',
    ({ tieBreak, offset, want }) => {
      const { sim, clock } = simulatorFixture({
        seed: 309,
        races: { beforeCompletionMs: 500, afterCompletionMs: 300, tieBreak },
      });
      const run = startRun(sim, 'key_a');
      moveTo(clock, END + offset);
      const result = sim.cancelRun('key_a', run.id, 'puffle');
      if (want === 'cancelled') {
        expect(result.ok).toBe(true);
        expect(sim.state(run)).toMatchObject({ status: 'cancelled', cancelledAt: END + offset });
      } else {
        expect(result).toMatchObject({ ok: false, code: want });
        expect(run.cancelledAt).toBeNull();
        // Completed from the cancel instant on, when it came first; else at the natural completion.
        expect(sim.state(run)).toMatchObject({
          status: 'completed',
          completedAt: Math.min(END, END + offset),
        });
      }
    },
  );

  it('reports the status the run settles on when a cancel meets its completion', () => {
    const { sim, clock } = simulatorFixture({
      seed: 310,
      races: { beforeCompletionMs: 500, afterCompletionMs: 300 },
    });
    const run = startRun(sim, 'key_a');
    moveTo(clock, END - 200);
    expect(sim.cancelRun('key_a', run.id, 'puffle')).toEqual({
      ok: false,
      code: 'status_changed',
      status: 'completed',
    });
  });

  it('completes a run at the instant a cancel loses its race: every item terminal, counts and completedAt agree', () => {
    const { sim, clock } = simulatorFixture({ seed: 311, races: { beforeCompletionMs: 2_500 } });
    const run = startRun(sim, 'key_a');
    moveTo(clock, END - 2_000);
    expect(sim.state(run).status).toBe('running');
    expect(sim.cancelRun('key_a', run.id, 'puffle')).toEqual({
      ok: false,
      code: 'status_changed',
      status: 'completed',
    });
    const want = {
      status: 'completed',
      counts: { pending: 0, running: 0, completed: 20, failed: 0, skipped: 0 },
      startedAt: START + 1_000,
      completedAt: END - 2_000,
      cancelledAt: null,
      updatedAt: END - 2_000,
      error: null,
    };
    expect(sim.state(run)).toEqual(want);
    const items = sim.items(run, { limit: 20 }).items;
    expect(items.map((item) => [item.status, item.completedAt])).toEqual(
      Array.from({ length: 20 }, () => ['completed', END - 2_000]),
    );
    expect(items[19]).toMatchObject({ startedAt: END - 2_000, attempts: 1 });
    moveTo(clock, END + 10_000);
    expect(sim.state(run)).toEqual(want);
    expect(sim.cancelRun('key_a', run.id, 'puffle')).toEqual({
      ok: false,
      code: 'not_cancellable',
      status: 'completed',
    });
  });

  it.each([
    { when: 'pending', at: START + 500 },
    { when: 'running', at: START + 2_000 },
  ])('loses every cancel of a $when run when cancelAlwaysLoses is set', ({ at }) => {
    const { sim, clock } = simulatorFixture({ seed: 312, races: { cancelAlwaysLoses: true } });
    const run = startRun(sim, 'key_a');
    moveTo(clock, at);
    expect(sim.cancelRun('key_a', run.id, 'puffle')).toEqual({
      ok: false,
      code: 'status_changed',
      status: 'completed',
    });
    expect(sim.state(run)).toMatchObject({
      status: 'completed',
      counts: { pending: 0, running: 0, completed: 20, failed: 0, skipped: 0 },
      startedAt: Math.min(at, START + 1_000),
      completedAt: at,
    });
  });
});
