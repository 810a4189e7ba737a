import { describe, expect, it } from 'vitest';
import { expectError, leadIdsOf, listRun, puffleClient, puffleSetup, startRun } from './puffle-api.js';

describe('puffle: POST /api/enrichment credits and idempotency', () => {
  it('answers 402 with required and balance when the workspace cannot afford the run, creating nothing', async () => {
    const { harness, client, credits, runs } = puffleSetup(
      'insufficient-credits',
      210,
      'pk_live_few_credits',
    );
    const response = await client.create(listRun('work_email', 'list_prospects'));
    expect(response.status).toBe(402);
    expect(response.json).toMatchObject({ code: 'INSUFFICIENT_CREDITS', required: 25, balance: 3 });
    expect(runs()).toEqual([]);
    expect(credits()).toBe(3);
    const affordable = await client.create({
      enrichmentId: 'work_email',
      scope: {
        type: 'explicit_leads',
        leadIds: leadIdsOf(harness, 'pk_live_few_credits', 'list_prospects', 3),
      },
      input: {},
    });
    expect(affordable.status).toBe(200);
    expect(credits()).toBe(0);
  });

  it('replays an idempotent request as the same run with reusedExistingRun and charges once', async () => {
    const { harness, client, credits } = puffleSetup('default', 211);
    const body = listRun('work_email', 'list_prospects', {
      idempotencyKey: 'batch-7',
      writePolicy: 'overwrite',
    });
    const first = await client.create(body);
    harness.clock.advance(1_100);
    const second = await client.create({
      input: {},
      scope: { listId: 'list_prospects', type: 'list' },
      idempotencyKey: 'batch-7',
      enrichmentId: 'work_email',
    });
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({
      enrichmentRunId: first.json.enrichmentRunId,
      reusedExistingRun: true,
      status: 'running',
      triggerRunId: first.json.triggerRunId,
    });
    expect(credits()).toBe(975);
  });

  it('creates exactly one run and one charge for 50 concurrent identical requests', async () => {
    const { client, credits, runs } = puffleSetup('default', 212);
    const body = listRun('work_email', 'list_prospects', { idempotencyKey: 'concurrent-1' });
    const responses = await Promise.all(Array.from({ length: 50 }, () => client.create(body)));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(new Set(responses.map((response) => response.json.enrichmentRunId)).size).toBe(1);
    expect(responses.filter((response) => response.json.reusedExistingRun === false)).toHaveLength(1);
    expect(runs()).toHaveLength(1);
    expect(credits()).toBe(975);
  });

  it('refuses an idempotency key reused with a different body with 422, naming the original run', async () => {
    const { client, credits, runs } = puffleSetup('default', 213);
    const id = await startRun(client, listRun('work_email', 'list_prospects', { idempotencyKey: 'batch-8' }));
    const response = await client.create(
      listRun('phone_number', 'list_prospects', { idempotencyKey: 'batch-8' }),
    );
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', enrichmentRunId: id, runId: id });
    expect(response.json.error).toContain('idempotencyKey');
    expect(runs()).toHaveLength(1);
    expect(credits()).toBe(975);
  });

  it('scopes idempotency keys to the API key', async () => {
    const { harness } = puffleSetup('default', 214);
    const body = listRun('work_email', 'list_prospects', { idempotencyKey: 'same-key' });
    const mine = await puffleClient(harness, 'pk_live_a').create(body);
    const theirs = await puffleClient(harness, 'pk_live_b').create(
      listRun('phone_number', 'list_prospects', { idempotencyKey: 'same-key' }),
    );
    expect(theirs.status).toBe(200);
    expect(theirs.json.reusedExistingRun).toBe(false);
    expect(theirs.json.enrichmentRunId).not.toBe(mine.json.enrichmentRunId);
  });
});

describe('puffle: POST /api/enrichment dispatch failure', () => {
  it('answers 502 DISPATCH_FAILED with the run id; the run shows failed at once and charged nothing', async () => {
    const { client, credits } = puffleSetup('dispatch-failure', 230);
    const response = await client.create(
      listRun('work_email', 'list_prospects', { idempotencyKey: 'dispatch-1' }),
    );
    expectError(response, 502, 'DISPATCH_FAILED');
    const id = response.json.enrichmentRunId as string;
    expect(response.json.runId).toBe(id);
    expect(credits()).toBe(1_000);
    const run = (await client.get(id)).json.run;
    expect(run).toMatchObject({
      status: 'failed',
      cost: { actual: null },
      trigger: { triggerRunId: null, dispatchMetadata: null },
    });
    expect(run.error.message).toContain('queue unavailable');
    expect(run.timing.startedAt).toBeNull();
    expect(run.timing.completedAt).toBe(run.timing.createdAt);
    expect(run.scope.counts).toEqual({ pending: 0, running: 0, completed: 0, skipped: 0, failed: 25 });
    const replay = await client.create(
      listRun('work_email', 'list_prospects', { idempotencyKey: 'dispatch-1' }),
    );
    expect(replay.status).toBe(200);
    expect(replay.json).toMatchObject({
      enrichmentRunId: id,
      status: 'failed',
      reusedExistingRun: true,
      triggerRunId: null,
    });
    const items = (await client.items(id, { limit: 1 })).json.items;
    expect(items[0]).toMatchObject({
      status: 'failed',
      attempts: 0,
      error: { message: expect.stringContaining('queue unavailable') },
    });
  });

  it('does not fail previews in the dispatch-failure scenario', async () => {
    const { client } = puffleSetup('dispatch-failure', 231);
    const response = await client.create(listRun('work_email', 'list_prospects', { mode: 'preview' }));
    expect(response.status).toBe(200);
  });
});
