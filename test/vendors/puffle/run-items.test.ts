import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { scenarioWith } from '../../support/scenario-variants.js';
import { expectError, leadIdsOf, listRun, type PuffleClient, puffleSetup, startRun } from './puffle-api.js';

const TEN_MINUTES = 10 * 60_000;

/** happy-path-fast with a 120-lead prospects list, for paging past the default and maximum limits. */
const bigList = scenarioWith('happy-path-fast', 'puffle-big-list', (scenario) => ({
  ...scenario,
  world: {
    ...scenario.world,
    defaults: {
      ...scenario.world.defaults,
      lists: scenario.world.defaults.lists.map((list) =>
        list.id === 'list_prospects' ? { ...list, generate: 120 } : list,
      ),
    },
  },
}));

async function allPages(
  client: PuffleClient,
  id: string,
  query: Record<string, string | number>,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const response = await client.items(id, { ...query, ...(cursor === undefined ? {} : { cursor }) });
    pages++;
    ids.push(...response.json.items.map((item: { id: string }) => item.id));
    if (!response.json.page.hasMore) {
      expect(response.json.page.nextCursor).toBeNull();
      return { ids, pages };
    }
    expect(response.json.page.nextCursor).toBe(ids.at(-1));
    cursor = response.json.page.nextCursor;
  }
}

describe('puffle: GET /api/enrichment/{id}/items paging', () => {
  it('pages 50 items by default, at most 100, in ascending id order with the last id as cursor', async () => {
    const { harness, client } = puffleSetup(bigList, 401);
    const id = await startRun(client, listRun('work_email', 'list_prospects'));
    harness.clock.advance(1_000);
    const first = (await client.items(id)).json;
    expect(first.items).toHaveLength(50);
    expect(first.page).toEqual({ limit: 50, nextCursor: first.items[49].id, hasMore: true });
    const max = (await client.items(id, { limit: 100 })).json;
    expect(max.items).toHaveLength(100);
    const paged = await allPages(client, id, { limit: 7 });
    expect(paged.pages).toBe(Math.ceil(120 / 7));
    expect(paged.ids).toHaveLength(120);
    expect(new Set(paged.ids).size).toBe(120);
    expect([...paged.ids].sort()).toEqual(paged.ids);
  });

  it('starts after a cursor that is no item id, at the first id that sorts after it', async () => {
    const { client } = puffleSetup('default', 402);
    const id = await startRun(client, listRun('work_email', 'list_prospects'));
    const all = (await client.items(id, { limit: 100 })).json.items.map((item: { id: string }) => item.id);
    expect((await client.items(id, { cursor: '0' })).json.items[0].id).toBe(all[0]);
    expect((await client.items(id, { cursor: `${all[4]}x` })).json.items[0].id).toBe(all[5]);
    const past = (await client.items(id, { cursor: 'zzzz' })).json;
    expect(past).toEqual({ items: [], page: { limit: 50, nextCursor: null, hasMore: false } });
  });

  it('filters by status and by leadId, and pages within a filter', async () => {
    const { harness, client } = puffleSetup('default', 403);
    const id = await startRun(client, listRun('work_email', 'list_prospects'));
    harness.clock.advance(2_500);
    const { counts } = (await client.get(id)).json.run.scope;
    for (const status of ['pending', 'running', 'completed', 'failed', 'skipped'] as const) {
      const { ids } = await allPages(client, id, { status, limit: 3 });
      expect(ids).toHaveLength(counts[status]);
    }
    const pending = (await client.items(id, { status: 'pending' })).json.items;
    expect(pending.every((item: { status: string }) => item.status === 'pending')).toBe(true);
    const [leadId] = leadIdsOf(harness, 'pk_live_test', 'list_prospects', 8).slice(7);
    const one = (await client.items(id, { leadId: leadId as string })).json;
    expect(one.items).toHaveLength(1);
    expect(one.items[0].leadId).toBe(leadId);
    expect((await client.items(id, { leadId: 'lead_not_in_run' })).json.items).toEqual([]);
  });

  it('rejects a limit outside 1..100 and an unknown status with VALIDATION_ERROR naming the parameter', async () => {
    const { client } = puffleSetup('default', 404);
    const id = await startRun(client, listRun('work_email', 'list_prospects'));
    for (const query of [
      { limit: 101 },
      { limit: 0 },
      { limit: 'ten' },
      { status: 'done' },
      { cursor: '' },
    ]) {
      const response = await client.items(id, query);
      expectError(response, 400, 'VALIDATION_ERROR');
      const [name] = Object.keys(query);
      expect(response.json.details[0].path).toBe(name);
      expect(response.json.error).toContain(name);
    }
  });
});

describe('puffle: GET /api/enrichment/{id}/items content', () => {
  it('returns results for completed items that match the catalog output schema, with snapshots and timings', async () => {
    const { harness, client } = puffleSetup('happy-path-fast', 410);
    const id = await startRun(
      client,
      listRun('website_overview', 'list_accounts', { input: { focus: 'pricing' } }),
    );
    const pending = (await client.items(id, { limit: 1 })).json.items[0];
    expect(pending).toMatchObject({
      status: 'pending',
      result: null,
      attempts: 0,
      metadata: { result: null, provider: null, providerSubmissionId: null },
    });
    expect(pending.timing).toMatchObject({ startedAt: null, completedAt: null });
    harness.clock.advance(TEN_MINUTES);
    const outputSchema = (await client.catalog({ id: 'website_overview' })).json.enrichments[0].outputSchema;
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const conforms = ajv.compile(outputSchema);
    const items = (await client.items(id)).json.items;
    expect(items).toHaveLength(10);
    for (const item of items) {
      expect(item).toMatchObject({
        runId: id,
        status: 'completed',
        skippedReason: null,
        error: null,
        attempts: 1,
        listId: 'list_accounts',
      });
      expect(conforms(item.result)).toBe(true);
      expect(item.metadata).toMatchObject({
        inputSnapshot: { focus: 'pricing' },
        leadSnapshot: { name: expect.any(String), domain: expect.any(String) },
        provider: expect.any(String),
      });
      expect(item.metadata.result).not.toBeNull();
      expect(item.metadata.providerSubmissionId).toMatch(/^sub_/);
      expect(Date.parse(item.timing.completedAt)).toBeGreaterThan(Date.parse(item.timing.startedAt));
      expect(item.timing.updatedAt).toBe(item.timing.completedAt);
    }
    const again = (await client.items(id)).json.items;
    expect(again).toEqual(items);
  });

  it('skips leads that already hold the attribute under skip_existing, and re-enriches them under overwrite', async () => {
    const { harness, client, credits } = puffleSetup('happy-path-fast', 411);
    const firstLeads = leadIdsOf(harness, 'pk_live_test', 'list_prospects', 4);
    const first = await startRun(client, {
      enrichmentId: 'work_email',
      scope: { type: 'explicit_leads', leadIds: firstLeads },
      input: {},
    });
    harness.clock.advance(TEN_MINUTES);
    expect((await client.get(first)).json.run.status).toBe('completed');
    const second = await startRun(
      client,
      listRun('work_email', 'list_prospects', { writePolicy: 'skip_existing' }),
    );
    const { run } = (await client.get(second)).json;
    expect(run.scope.counts).toMatchObject({ skipped: 4, pending: 21 });
    const skipped = (await client.items(second, { status: 'skipped' })).json.items;
    expect(skipped.map((item: { leadId: string }) => item.leadId)).toEqual(firstLeads);
    for (const item of skipped)
      expect(item).toMatchObject({
        skippedReason: 'already_enriched',
        result: null,
        attempts: 0,
        error: null,
      });
    harness.clock.advance(TEN_MINUTES);
    expect((await client.get(second)).json.run.scope.counts).toMatchObject({ skipped: 4, completed: 21 });
    const third = await startRun(
      client,
      listRun('work_email', 'list_prospects', { writePolicy: 'overwrite' }),
    );
    expect((await client.get(third)).json.run.scope.counts).toMatchObject({ skipped: 0, pending: 25 });
    expect(credits()).toBe(1_000 - 4 - 25 - 25);
  });
});
