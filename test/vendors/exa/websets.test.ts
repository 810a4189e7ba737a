import { describe, expect, it } from 'vitest';
import { createWebset, EMAIL, exaClient, exaSetup, expectExaError, websetBody } from './exa-api.js';

describe('exa: websets', () => {
  it('creates a Webset whose search found its Items at once, pending while its Enrichment is queued', async () => {
    const { client, credits } = exaSetup('default', 201);
    const webset = await createWebset(
      client,
      websetBody(5, [EMAIL], { externalId: 'crm-1', metadata: { owner: 'growth' } }),
    );
    expect(webset).toMatchObject({
      object: 'webset',
      status: 'pending',
      externalId: 'crm-1',
      metadata: { owner: 'growth' },
    });
    expect(webset.id).toMatch(/^webset_[0-9a-z]{26}$/);
    expect(webset.searches[0]).toMatchObject({
      status: 'completed',
      entity: { type: 'person' },
      count: 5,
      progress: { found: 5, completion: 100 },
    });
    expect(webset.enrichments).toHaveLength(1);
    expect(credits()).toBe(1_000 - 5);
    const items = await client.listItems(webset.id);
    expect(items.json.data).toHaveLength(5);
  });

  it('is idle at once without Enrichments, and charges nothing for the search', async () => {
    const { client, credits } = exaSetup('default', 202);
    const webset = await createWebset(client, websetBody(3));
    expect(webset.status).toBe('idle');
    expect(credits()).toBe(1_000);
  });

  it('goes pending, then running, then idle as its Enrichment is worked on', async () => {
    const { harness, client } = exaSetup('default', 203);
    const webset = await createWebset(client, websetBody(10, [EMAIL]));
    expect((await client.getWebset(webset.id)).json.status).toBe('pending');
    harness.clock.advance(1_100);
    expect((await client.getWebset(webset.id)).json.status).toBe('running');
    harness.clock.advance(10 * 60_000);
    const done = (await client.getWebset(webset.id)).json;
    expect(done.status).toBe('idle');
    expect(done.enrichments[0].status).toBe('completed');
  });

  it('finds the Webset by its externalId wherever an id is accepted', async () => {
    const { client } = exaSetup('default', 204);
    const webset = await createWebset(client, websetBody(2, [EMAIL], { externalId: 'my-list' }));
    expect((await client.getWebset('my-list')).json.id).toBe(webset.id);
    expect((await client.listItems('my-list')).json.data).toHaveLength(2);
    expect((await client.getEnrichment('my-list', webset.enrichments[0]?.id ?? '')).status).toBe(200);
  });

  it('finds the Webset created first when a reference is the id of one and the externalId of another', async () => {
    // Ids are seeded: a second setup on the same seed gives the second Webset the same id.
    const probe = exaSetup('default', 208).client;
    await createWebset(probe, websetBody(1));
    const laterId = (await createWebset(probe, websetBody(1))).id;
    const { client } = exaSetup('default', 208);
    const external = await createWebset(client, websetBody(1, [], { externalId: laterId }));
    const named = await createWebset(client, websetBody(1));
    expect(named.id).toBe(laterId);
    expect((await client.getWebset(laterId)).json.id).toBe(external.id);
    await client.deleteWebset(external.id);
    expect((await client.getWebset(laterId)).json.id).toBe(laterId);
  });

  it('refuses a second Webset with the same externalId with 409 CONFLICT, and frees it on deletion', async () => {
    const { client } = exaSetup('default', 205);
    const first = await createWebset(client, websetBody(2, [], { externalId: 'dup' }));
    const second = await client.createWebset(websetBody(2, [], { externalId: 'dup' }));
    expectExaError(second, 409, 'CONFLICT', 'dup');
    await client.deleteWebset(first.id);
    expect((await client.createWebset(websetBody(2, [], { externalId: 'dup' }))).status).toBe(201);
  });

  it('keeps externalIds per API key', async () => {
    const { harness, client } = exaSetup('default', 206);
    await createWebset(client, websetBody(2, [], { externalId: 'shared' }));
    const other = await createWebset(
      exaClient(harness, 'exa_other_key'),
      websetBody(2, [], { externalId: 'shared' }),
    );
    expect(other.externalId).toBe('shared');
  });

  it('refuses a Webset the tenant cannot afford with 402 NO_MORE_CREDITS and creates nothing', async () => {
    const { client, runs } = exaSetup('insufficient-credits', 207, 'exa_few_credits');
    const refused = await client.createWebset(websetBody(4, [EMAIL], { externalId: 'too-dear' }));
    expect(refused.status).toBe(402);
    expect(refused.json.tag).toBe('NO_MORE_CREDITS');
    expect(refused.json.error).toContain('4 credits');
    expect(runs()).toEqual([]);
    expect((await client.getWebset('too-dear')).status).toBe(404);
    expect((await client.listWebsets()).json.data).toEqual([]);
  });

  it('searches companies when asked, and infers the entity from the query otherwise', async () => {
    const { client } = exaSetup('default', 208);
    const companies = await createWebset(client, {
      search: { query: 'B2B SaaS companies in Berlin', count: 2, entity: { type: 'company' } },
    });
    const items = (await client.listItems(companies.id)).json.data;
    expect(items[0].properties).toMatchObject({ type: 'company', company: { name: expect.any(String) } });
    const inferredPeople = await createWebset(client, {
      search: { query: 'Founders of fintech startups', count: 1 },
    });
    expect(inferredPeople.searches[0]?.entity).toEqual({ type: 'person' });
    const inferredCompanies = await createWebset(client, {
      search: { query: 'Fintech startups in Paris', count: 1 },
    });
    expect(inferredCompanies.searches[0]?.entity).toEqual({ type: 'company' });
  });

  it('refuses entity types the mock cannot find, and imports, with 422 naming the field', async () => {
    const { client } = exaSetup('default', 209);
    const article = await client.createWebset({
      search: { query: 'AI news', count: 2, entity: { type: 'article' } },
    });
    expectExaError(article, 422, 'UNPROCESSABLE_ENTITY', 'search.entity.type');
    const imported = await client.createWebset({ import: [{ source: 'import', id: 'import_1' }] });
    expect(imported.status).toBe(422);
    expect(imported.json.error).toContain('import');
  });

  it('caps a search at 1,000 Items and echoes criteria, recall, exclude and scope', async () => {
    const { client } = exaSetup('default', 210);
    const webset = await createWebset(client, {
      search: {
        query: 'CTOs',
        count: 5_000,
        criteria: [{ description: 'Is a CTO' }],
        recall: true,
        exclude: [{ source: 'webset', id: 'w1' }],
      },
    });
    expect(webset.searches[0]).toMatchObject({
      count: 5_000,
      progress: { found: 1_000 },
      criteria: [{ description: 'Is a CTO', successRate: 100 }],
    });
    expect(webset.searches[0]?.recall?.expected.total).toBeGreaterThan(0);
    expect(webset.searches[0]?.exclude).toEqual([{ source: 'webset', id: 'w1' }]);
    const last = (await client.listItems(webset.id, { limit: 100 })).json;
    expect(last.hasMore).toBe(true);
  });

  it('lists Websets newest first, one page at a time', async () => {
    const { client } = exaSetup('default', 211);
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) ids.push((await createWebset(client, websetBody(1))).id);
    const first = await client.listWebsets({ limit: 2 });
    expect(first.json.data.map((webset: { id: string }) => webset.id)).toEqual([ids[2], ids[1]]);
    expect(first.json).toMatchObject({ hasMore: true, nextCursor: ids[1] });
    const second = await client.listWebsets({ limit: 2, cursor: first.json.nextCursor });
    expect(second.json).toMatchObject({ data: [{ id: ids[0] }], hasMore: false, nextCursor: null });
  });

  it('refuses an unknown cursor with 400 INVALID_REQUEST_PARAMS', async () => {
    const { client } = exaSetup('default', 212);
    const response = await client.listWebsets({ cursor: 'webset_nope' });
    expectExaError(response, 400, 'INVALID_REQUEST_PARAMS', 'cursor');
  });

  it('embeds the first Items with expand=items', async () => {
    const { client } = exaSetup('default', 213);
    const webset = await createWebset(client, websetBody(3, [EMAIL]));
    const plain = await client.getWebset(webset.id);
    expect(plain.json.items).toBeUndefined();
    const expanded = await client.getWebset(webset.id, { expand: ['items'] });
    expect(expanded.json.items).toHaveLength(3);
    expect(expanded.json.items[0].enrichments[0]).toMatchObject({ status: 'pending', result: null });
  });

  it('replaces the metadata on update and clears it with null', async () => {
    const { harness, client } = exaSetup('default', 214);
    const webset = await createWebset(client, websetBody(1, [], { metadata: { a: '1' } }));
    harness.clock.advance(5_000);
    const updated = await client.updateWebset(webset.id, { metadata: { b: '2' } });
    expect(updated.json).toMatchObject({ metadata: { b: '2' }, updatedAt: '2026-01-05T09:00:05.000Z' });
    expect((await client.updateWebset(webset.id, { metadata: null })).json.metadata).toEqual({});
  });

  it('deletes a Webset: its work stops, it is returned idle, and every later call answers 404', async () => {
    const { harness, client, runs } = exaSetup('default', 215);
    const webset = await createWebset(client, websetBody(10, [EMAIL], { externalId: 'gone' }));
    harness.clock.advance(1_100);
    const deleted = await client.deleteWebset('gone');
    expect(deleted.status).toBe(200);
    expect(deleted.json).toMatchObject({
      id: webset.id,
      status: 'idle',
      enrichments: [{ status: 'canceled' }],
    });
    expect(runs()).toEqual([]);
    expect((await client.getWebset(webset.id)).status).toBe(404);
    expect((await client.listItems(webset.id)).status).toBe(404);
    expect((await client.deleteWebset(webset.id)).json.tag).toBe('NOT_FOUND');
    expect((await client.listWebsets()).json.data).toEqual([]);
  });

  it('cancels all work of a Webset, idempotently', async () => {
    const { harness, client } = exaSetup('default', 216);
    const webset = await createWebset(
      client,
      websetBody(10, [EMAIL, { description: 'Current job title', format: 'text' }]),
    );
    harness.clock.advance(1_100);
    const cancelled = await client.cancelWebset(webset.id);
    expect(cancelled.json).toMatchObject({
      status: 'idle',
      enrichments: [{ status: 'canceled' }, { status: 'canceled' }],
    });
    expect((await client.cancelWebset(webset.id)).json.status).toBe('idle');
  });

  it("hides one API key's Websets from another", async () => {
    const { harness, client } = exaSetup('default', 217);
    const webset = await createWebset(client, websetBody(1, [], { externalId: 'mine' }));
    const other = exaClient(harness, 'exa_someone_else');
    expect((await other.getWebset(webset.id)).status).toBe(404);
    expect((await other.getWebset('mine')).status).toBe(404);
    expect((await other.listWebsets()).json.data).toEqual([]);
  });
});
