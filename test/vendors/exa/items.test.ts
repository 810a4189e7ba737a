import { describe, expect, it } from 'vitest';
import { createWebset, EMAIL, exaSetup, websetBody, expectExaError } from './exa-api.js';

describe('exa: items', () => {
  it('lists Items oldest first, 20 by default, following nextCursor to the end', async () => {
    const { client } = exaSetup('default', 401);
    const webset = await createWebset(client, websetBody(45));
    const first = (await client.listItems(webset.id)).json;
    expect(first.data).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    const seen: string[] = first.data.map((item: { id: string }) => item.id);
    let cursor: string | null = first.nextCursor;
    while (cursor) {
      const page = (await client.listItems(webset.id, { cursor, limit: 20 })).json;
      seen.push(...page.data.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
  });

  it('shows person Items with the person properties of the official schema', async () => {
    const { client } = exaSetup('default', 402);
    const webset = await createWebset(client, websetBody(1, [EMAIL]));
    const [item] = (await client.listItems(webset.id)).json.data;
    expect(item).toMatchObject({
      object: 'webset_item',
      source: 'search',
      sourceId: webset.searches[0]?.id,
      websetId: webset.id,
      properties: {
        type: 'person',
        url: expect.stringMatching(/^https:\/\//),
        person: { name: expect.any(String), position: expect.any(String) },
      },
      evaluations: [{ satisfied: 'yes' }],
      enrichments: [
        { object: 'enrichment_result', status: 'pending', enrichmentId: webset.enrichments[0]?.id },
      ],
    });
  });

  it('gets one Item by id, and answers 404 for an id of another Webset', async () => {
    const { client } = exaSetup('default', 403);
    const webset = await createWebset(client, websetBody(2));
    const other = await createWebset(client, websetBody(2));
    const [, second] = (await client.listItems(webset.id)).json.data;
    expect((await client.getItem(webset.id, second.id)).json).toEqual(second);
    const foreign = await client.getItem(other.id, second.id);
    expectExaError(foreign, 404, 'NOT_FOUND', second.id);
  });

  it('refuses a limit out of 1..100 with 400 INVALID_REQUEST_PARAMS naming limit', async () => {
    const { client } = exaSetup('default', 404);
    const webset = await createWebset(client, websetBody(2));
    for (const limit of [0, 101]) {
      const response = await client.listItems(webset.id, { limit });
      expectExaError(response, 400, 'INVALID_REQUEST_PARAMS', 'limit');
    }
  });

  it('filters by sourceId: the search id gives every Item, another id none', async () => {
    const { client } = exaSetup('default', 405);
    const webset = await createWebset(client, websetBody(3));
    expect(
      (await client.listItems(webset.id, { sourceId: webset.searches[0]?.id ?? '' })).json.data,
    ).toHaveLength(3);
    expect((await client.listItems(webset.id, { sourceId: 'import_other' })).json.data).toEqual([]);
  });

  it('advances updatedAt when a result arrives', async () => {
    const { harness, client } = exaSetup('happy-path-fast', 406);
    const webset = await createWebset(client, websetBody(1, [EMAIL]));
    harness.clock.advance(60_000);
    const [item] = (await client.listItems(webset.id)).json.data;
    expect(Date.parse(item.updatedAt)).toBeGreaterThan(Date.parse(item.createdAt));
    expect(item.enrichments[0].status).toBe('completed');
  });

  it('deletes an Item: it disappears from the list and answers 404 afterwards', async () => {
    const { client } = exaSetup('default', 407);
    const webset = await createWebset(client, websetBody(3, [EMAIL]));
    const [, second] = (await client.listItems(webset.id)).json.data;
    const deleted = await client.call('DELETE', `/websets/${webset.id}/items/${second.id}`, {
      headers: { 'content-type': 'application/json' },
    });
    expect(deleted.json).toEqual(second);
    const left = (await client.listItems(webset.id)).json.data.map((item: { id: string }) => item.id);
    expect(left).toHaveLength(2);
    expect(left).not.toContain(second.id);
    expect((await client.getItem(webset.id, second.id)).status).toBe(404);
  });
});
