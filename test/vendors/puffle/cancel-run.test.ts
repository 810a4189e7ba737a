import { describe, expect, it } from 'vitest';
import { expectError, listRun, puffleSetup, startRun } from './puffle-api.js';

const TEN_MINUTES = 10 * 60_000;

describe('puffle: POST /api/enrichment/{id}/cancel', () => {
  it('cancels a running run: pending items skipped, running items finish, cancelledAt equals completedAt, no refund', async () => {
    const { harness, client, credits } = puffleSetup('default', 501);
    const id = await startRun(client, listRun('work_email', 'list_prospects'));
    harness.clock.advance(1_100);
    const before = (await client.get(id)).json.run;
    expect(before.status).toBe('running');
    const runningIds = (await client.items(id, { status: 'running' })).json.items.map(
      (item: { id: string }) => item.id,
    );
    expect(runningIds.length).toBeGreaterThan(0);

    const response = await client.cancel(id);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      run: { id, status: 'cancelled', cancelledAt: '2026-01-05T09:00:01.100Z' },
    });

    const after = (await client.get(id)).json.run;
    expect(after.status).toBe('cancelled');
    expect(after.timing.cancelledAt).toBe(response.json.run.cancelledAt);
    expect(after.timing.completedAt).toBe(after.timing.cancelledAt);
    expect(after.scope.counts.pending).toBe(0);
    expect(after.scope.counts.skipped).toBe(before.scope.counts.pending);
    expect(after.cost.actual).toEqual({ credits: 25, creditAction: 'enrichment.work_email' });
    expect(credits()).toBe(975);
    const skipped = (await client.items(id, { status: 'skipped', limit: 100 })).json.items;
    expect(skipped).toHaveLength(before.scope.counts.pending);
    for (const item of skipped)
      expect(item).toMatchObject({ skippedReason: 'run_cancelled', attempts: 0, result: null });

    harness.clock.advance(TEN_MINUTES);
    const settled = (await client.get(id)).json.run;
    expect(settled.status).toBe('cancelled');
    expect(settled.scope.counts.running).toBe(0);
    expect(settled.scope.counts.completed + settled.scope.counts.failed).toBe(
      before.scope.counts.completed + before.scope.counts.failed + runningIds.length,
    );
    const finished = (await client.items(id, { limit: 100 })).json.items.filter((item: { id: string }) =>
      runningIds.includes(item.id),
    );
    expect(
      finished
        .map((item: { status: string }) => item.status)
        .every((status: string) => status === 'completed' || status === 'failed'),
    ).toBe(true);
    expect(finished).toHaveLength(runningIds.length);
  });

  it('cancels a pending run: every item is skipped run_cancelled', async () => {
    const { client } = puffleSetup('default', 502);
    const id = await startRun(client, listRun('work_email', 'list_prospects'));
    expect((await client.cancel(id)).status).toBe(200);
    const { run } = (await client.get(id)).json;
    expect(run.scope.counts).toEqual({ pending: 0, running: 0, completed: 0, skipped: 25, failed: 0 });
    expect(run.timing.startedAt).toBeNull();
  });

  it('answers 409 run_not_cancellable to a second cancel, a completed run and a failed dispatch', async () => {
    const { harness, client } = puffleSetup('happy-path-fast', 503);
    const cancelled = await startRun(client, listRun('work_email', 'list_prospects'));
    expect((await client.cancel(cancelled)).status).toBe(200);
    const completed = await startRun(client, listRun('hiring_status', 'list_accounts'));
    harness.clock.advance(TEN_MINUTES);
    for (const id of [cancelled, completed]) {
      const response = await client.cancel(id);
      expect(response.status).toBe(409);
      expect(response.json).toMatchObject({ code: 'CANCEL_CONFLICT', reason: 'run_not_cancellable' });
    }
    expect((await client.cancel(completed)).json.error).toContain('completed');

    const failed = puffleSetup('dispatch-failure', 503);
    const id = (await failed.client.create(listRun('work_email', 'list_prospects'))).json
      .enrichmentRunId as string;
    const response = await failed.client.cancel(id);
    expect(response.status).toBe(409);
    expect(response.json.reason).toBe('run_not_cancellable');
  });

  it('answers 409 run_status_changed to a cancel that meets completion in the cancel-race scenario', async () => {
    const { harness, client } = puffleSetup('cancel-race', 504);
    const id = await startRun(client, listRun('work_email', 'list_prospects'));
    harness.clock.advance(4_000);
    const response = await client.cancel(id);
    expect(response.status).toBe(409);
    expect(response.json).toMatchObject({ code: 'CANCEL_CONFLICT', reason: 'run_status_changed' });
    expect(response.json.error).toContain(`GET /api/enrichment/${id}`);
    // Completed from the cancel instant on: a client that re-checks at once sees the run done.
    const raced = new Date(harness.clock.now()).toISOString();
    const run = (await client.get(id)).json.run;
    expect(run).toMatchObject({
      status: 'completed',
      scope: { counts: { pending: 0, running: 0, completed: 25, failed: 0, skipped: 0 } },
      timing: { cancelledAt: null, completedAt: raced, updatedAt: raced },
    });
    const items = (await client.items(id, { limit: 100 })).json.items as {
      status: string;
      timing: { completedAt: string };
    }[];
    expect(new Set(items.map((item) => `${item.status} ${item.timing.completedAt}`))).toEqual(
      new Set([`completed ${raced}`]),
    );
  });

  it('accepts a body-less cancel sent with Content-Type: application/json, and an empty JSON object', async () => {
    const { client } = puffleSetup('default', 505);
    const first = await startRun(client, listRun('work_email', 'list_prospects'));
    expect((await client.cancel(first, { headers: { 'content-type': 'application/json' } })).status).toBe(
      200,
    );
    const second = await startRun(client, listRun('work_email', 'list_prospects'));
    expect((await client.cancel(second, { body: {} })).status).toBe(200);
  });

  it('answers 404 not_found for an unknown run', async () => {
    const { client } = puffleSetup('default', 506);
    const response = await client.cancel('no-such-run');
    expectError(response, 404, 'not_found');
  });
});
