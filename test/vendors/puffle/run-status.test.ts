import { describe, expect, it } from 'vitest';
import { expectError, listRun, puffleClient, puffleSetup, startRun } from './puffle-api.js';

const TEN_MINUTES = 10 * 60_000;
const sum = (counts: Record<string, number>): number =>
  Object.values(counts).reduce((total, count) => total + count, 0);

describe('puffle: GET /api/enrichment/{id} ledger', () => {
  it('reports a new run as pending with its enrichment, scope, output, cost, trigger and timing', async () => {
    const { client } = puffleSetup('default', 301);
    const catalogEntry = (await client.catalog({ id: 'work_email' })).json.enrichments[0];
    const id = await startRun(
      client,
      listRun('work_email', 'list_prospects', { writePolicy: 'skip_existing' }),
    );
    const { run } = (await client.get(id)).json;
    expect(run).toMatchObject({
      id,
      status: 'pending',
      mode: 'persisted',
      enrichment: { id: catalogEntry.id, slug: 'work_email', version: 1, snapshot: catalogEntry },
      scope: {
        type: 'list',
        listId: 'list_prospects',
        requested: { type: 'list', listId: 'list_prospects' },
        resolvedCount: 25,
      },
      output: {
        target: 'membership_attribute',
        attributeKey: 'workEmail',
        writePolicy: 'skip_existing',
        persistResults: true,
      },
      cost: {
        preview: { credits: 25, creditAction: 'enrichment.work_email' },
        actual: { credits: 25, creditAction: 'enrichment.work_email' },
      },
      trigger: {
        correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        triggerRunId: expect.stringMatching(/^run_[a-z0-9]{25}$/),
        dispatchMetadata: expect.any(Object),
      },
      error: null,
    });
    expect(run.scope.counts).toEqual({ pending: 25, running: 0, completed: 0, skipped: 0, failed: 0 });
    expect(run.timing).toEqual({
      startedAt: null,
      completedAt: null,
      cancelledAt: null,
      createdAt: '2026-01-05T09:00:00.000Z',
      updatedAt: '2026-01-05T09:00:00.000Z',
    });
  });

  it('moves through running to completed with counts that always add up to resolvedCount', async () => {
    const { harness, client } = puffleSetup('default', 302);
    const id = await startRun(client, listRun('work_email', 'list_prospects'));
    const seen = new Set<string>();
    for (let step = 0; step < 40; step++) {
      const { run } = (await client.get(id)).json;
      seen.add(run.status);
      expect(sum(run.scope.counts)).toBe(run.scope.resolvedCount);
      if (run.status === 'running') {
        expect(run.timing.startedAt).not.toBeNull();
        expect(Date.parse(run.timing.startedAt)).toBeGreaterThanOrEqual(Date.parse(run.timing.createdAt));
      }
      harness.clock.advance(500);
    }
    harness.clock.advance(TEN_MINUTES);
    const { run } = (await client.get(id)).json;
    expect([...seen]).toEqual(expect.arrayContaining(['pending', 'running']));
    expect(run.status).toBe('completed');
    expect(run.scope.counts.completed + run.scope.counts.failed).toBe(25);
    expect(run.timing.completedAt).not.toBeNull();
    expect(run.timing.updatedAt).toBe(run.timing.completedAt);
    expect(run.timing.cancelledAt).toBeNull();
    expect(Date.parse(run.timing.completedAt)).toBeGreaterThan(Date.parse(run.timing.startedAt));
  });

  it('completes a partial-failures run with failed items that carry a scenario message', async () => {
    const { harness, client } = puffleSetup('partial-failures', 303);
    const id = await startRun(client, listRun('work_email', 'list_prospects'));
    harness.clock.advance(TEN_MINUTES);
    const { run } = (await client.get(id)).json;
    expect(run.status).toBe('completed');
    expect(run.scope.counts.failed).toBeGreaterThan(0);
    const failed = (await client.items(id, { status: 'failed' })).json.items;
    expect(failed).toHaveLength(run.scope.counts.failed);
    for (const item of failed) {
      expect(item.result).toBeNull();
      expect([
        'Provider timed out',
        'No match found',
        'Upstream provider returned 500',
        'Lead has no usable domain',
      ]).toContain(item.error.message);
      expect(item.attempts).toBe(1);
    }
  });

  it("answers 404 for another API key's run on every run endpoint", async () => {
    const { harness, client } = puffleSetup('default', 304);
    const id = await startRun(client, listRun('work_email', 'list_prospects'));
    const other = puffleClient(harness, 'pk_live_someone_else');
    for (const response of [await other.get(id), await other.items(id), await other.cancel(id)]) {
      expectError(response, 404, 'not_found', id);
    }
    expect((await client.get(id)).status).toBe(200);
  });

  it('answers 404 for an unknown run id', async () => {
    const { client } = puffleSetup('default', 305);
    const response = await client.get('8f0c7f0e-2d4b-4f8e-9a43-5c1d2b7e6a99');
    expectError(response, 404, 'not_found');
  });

  it('forgets runs once the expired-jobs expiry has passed', async () => {
    const { harness, client } = puffleSetup('expired-jobs', 306);
    const id = await startRun(client, listRun('work_email', 'list_prospects'));
    harness.clock.advance(TEN_MINUTES - 1);
    expect((await client.get(id)).status).toBe(200);
    harness.clock.advance(1);
    for (const response of [await client.get(id), await client.items(id), await client.cancel(id)]) {
      expectError(response, 404, 'not_found');
    }
  });

  it('keeps runs forever when the scenario sets no Puffle expiry', async () => {
    const { harness, client } = puffleSetup('default', 307);
    const id = await startRun(client, listRun('work_email', 'list_prospects'));
    harness.clock.advance(30 * 24 * 3_600_000);
    expect((await client.get(id)).json.run.status).toBe('completed');
  });

  it('derives the same run id, trigger id, items and results from the same seed', async () => {
    const snapshot = async (seed: number) => {
      const { harness, client } = puffleSetup('default', seed);
      const id = await startRun(client, listRun('work_email', 'list_prospects'));
      harness.clock.advance(TEN_MINUTES);
      return { run: (await client.get(id)).json.run, items: (await client.items(id)).json.items };
    };
    const [first, again, other] = [await snapshot(308), await snapshot(308), await snapshot(309)];
    expect(again).toEqual(first);
    expect(other.run.id).not.toBe(first.run.id);
    expect(other.run.trigger.triggerRunId).not.toBe(first.run.trigger.triggerRunId);
  });
});
