import { describe, expect, it } from 'vitest';
import {
  createWebset,
  EMAIL,
  exaClient,
  exaSetup,
  websetBody,
  type ExaClient,
  type Schemas,
  expectExaError,
} from './exa-api.js';

const TEN_MINUTES = 10 * 60_000;

/** Every result of one Enrichment over the Webset's Items, in Item order. */
async function resultsOf(client: ExaClient, websetId: string, enrichmentId: string) {
  const items = (await client.listItems(websetId, { limit: 100 })).json.data as Schemas['WebsetItem'][];
  return items.map((item) => item.enrichments?.find((result) => result.enrichmentId === enrichmentId));
}

describe('exa: enrichments', () => {
  it('creates an Enrichment with 200, charging one credit per Item, format text by default', async () => {
    const { client, credits } = exaSetup('default', 301);
    const webset = await createWebset(client, websetBody(4));
    const created = await client.createEnrichment(webset.id, {
      description: 'What does this person post about?',
      metadata: { field: 'topics' },
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      object: 'webset_enrichment',
      status: 'pending',
      websetId: webset.id,
      format: 'text',
      options: null,
      title: 'What does this person post about?',
      metadata: { field: 'topics' },
    });
    expect(created.json.id).toMatch(/^wenrich_/);
    expect(credits()).toBe(1_000 - 4);
    expect((await client.getWebset(webset.id)).json.enrichments.map((e: { id: string }) => e.id)).toEqual([
      created.json.id,
    ]);
  });

  it('fills each Item with a pending result, then the completed answer in the Enrichment format', async () => {
    const { harness, client } = exaSetup('happy-path-fast', 302);
    const webset = await createWebset(client, websetBody(3));
    const { json: enrichment } = await client.createEnrichment(webset.id, EMAIL);
    expect((await resultsOf(client, webset.id, enrichment.id)).map((result) => result)).toEqual(
      Array(3).fill({
        object: 'enrichment_result',
        status: 'pending',
        format: 'email',
        result: null,
        reasoning: null,
        references: [],
        enrichmentId: enrichment.id,
      }),
    );
    harness.clock.advance(TEN_MINUTES);
    const results = await resultsOf(client, webset.id, enrichment.id);
    for (const result of results) {
      expect(result).toMatchObject({
        status: 'completed',
        format: 'email',
        result: [expect.stringMatching(/^[^@\s]+@[^@\s]+$/)],
        references: [{ url: expect.any(String) }],
      });
    }
    expect((await client.getEnrichment(webset.id, enrichment.id)).json.status).toBe('completed');
  });

  it('answers options Enrichments with one of their labels', async () => {
    const { harness, client } = exaSetup('happy-path-fast', 303);
    const webset = await createWebset(client, websetBody(5));
    const labels = ['Sales', 'Marketing', 'Engineering'];
    const { json: enrichment } = await client.createEnrichment(webset.id, {
      description: 'Department',
      format: 'options',
      options: labels.map((label) => ({ label })),
    });
    expect(enrichment.instructions).toContain('Sales, Marketing, Engineering');
    harness.clock.advance(TEN_MINUTES);
    for (const result of await resultsOf(client, webset.id, enrichment.id))
      expect(labels).toContain(result?.result?.[0]);
  });

  it.each([
    [{ description: 'Department', format: 'options' }, 'options is required when format is options'],
    [
      { description: 'Department', format: 'text', options: [{ label: 'A' }] },
      'options is only allowed when format is options',
    ],
  ])('refuses %j with 422 UNPROCESSABLE_ENTITY', async (body, message) => {
    const { client, runs } = exaSetup('default', 304);
    const webset = await createWebset(client, websetBody(2));
    const response = await client.createEnrichment(webset.id, body);
    expectExaError(response, 422, 'UNPROCESSABLE_ENTITY', message);
    expect(runs()).toEqual([]);
  });

  it('names the inline Enrichment a 422 is about on Webset creation', async () => {
    const { client } = exaSetup('default', 305);
    const response = await client.createWebset(
      websetBody(2, [EMAIL, { description: 'x', format: 'options' }]),
    );
    expect(response.status).toBe(422);
    expect(response.json.error).toContain('enrichments[1].options is required');
  });

  it('refuses an Enrichment the tenant cannot afford with 402 and creates nothing', async () => {
    const { harness, client, runs } = exaSetup('insufficient-credits', 306, 'exa_few_credits');
    const webset = await createWebset(client, websetBody(3));
    expect((await client.createEnrichment(webset.id, EMAIL)).status).toBe(200);
    const refused = await client.createEnrichment(webset.id, EMAIL);
    expectExaError(refused, 402, 'NO_MORE_CREDITS', '0 are left');
    expect(runs()).toHaveLength(1);
    expect((await exaClient(harness, 'exa_few_credits').getWebset(webset.id)).json.enrichments).toHaveLength(
      1,
    );
  });

  it('answers 404 NOT_FOUND for an unknown Webset or Enrichment', async () => {
    const { client } = exaSetup('default', 307);
    const webset = await createWebset(client, websetBody(1));
    expect((await client.createEnrichment('webset_missing', EMAIL)).json).toMatchObject({
      tag: 'NOT_FOUND',
      error: expect.stringContaining('webset_missing'),
    });
    expect((await client.getEnrichment(webset.id, 'wenrich_missing')).json).toMatchObject({
      tag: 'NOT_FOUND',
      error: expect.stringContaining('wenrich_missing'),
    });
    expect((await client.cancelEnrichment(webset.id, 'wenrich_missing')).status).toBe(404);
  });

  it('cancels a running Enrichment: finished results stay, the rest (in flight too) become canceled for good, and a second cancel is a no-op', async () => {
    const { harness, client } = exaSetup('default', 308);
    const webset = await createWebset(client, websetBody(25, [EMAIL]));
    const enrichmentId = webset.enrichments[0]?.id ?? '';
    harness.clock.advance(2_500);
    const cancelled = await client.cancelEnrichment(webset.id, enrichmentId);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ status: 'canceled', updatedAt: '2026-01-05T09:00:02.500Z' });
    const atCancel = (await resultsOf(client, webset.id, enrichmentId)).map((result) => result?.status);
    expect(atCancel).toContain('completed');
    expect(atCancel).toContain('canceled');
    expect(atCancel).not.toContain('pending');
    harness.clock.advance(TEN_MINUTES);
    expect((await resultsOf(client, webset.id, enrichmentId)).map((result) => result?.status)).toEqual(
      atCancel,
    );
    const again = await client.cancelEnrichment(webset.id, enrichmentId);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(cancelled.json);
  });

  it('answers a cancel of a completed Enrichment with 200 and the Enrichment unchanged, as the spec declares', async () => {
    const { harness, client } = exaSetup('happy-path-fast', 309);
    const webset = await createWebset(client, websetBody(2, [EMAIL]));
    const id = webset.enrichments[0]?.id ?? '';
    harness.clock.advance(TEN_MINUTES);
    const before = await client.getEnrichment(webset.id, id);
    const items = await client.listItems(webset.id);
    const cancelled = await client.cancelEnrichment(webset.id, id);
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json).toEqual(before.json);
    expect(cancelled.json.status).toBe('completed');
    harness.clock.advance(TEN_MINUTES);
    expect((await client.getEnrichment(webset.id, id)).json).toEqual(before.json);
    expect((await client.listItems(webset.id)).json).toEqual(items.json);
  });

  it('refuses a cancel racing the completion with 409, and the Enrichment completes', async () => {
    const { harness, client } = exaSetup('cancel-race', 310);
    const webset = await createWebset(client, websetBody(3, [EMAIL]));
    harness.clock.advance(10_000);
    const refused = await client.cancelEnrichment(webset.id, webset.enrichments[0]?.id ?? '');
    expect(refused.json).toMatchObject({
      tag: 'ENRICHMENT_NOT_CANCELLABLE',
      error: expect.stringContaining('completing'),
    });
    harness.clock.advance(5_000);
    expect((await client.getEnrichment(webset.id, webset.enrichments[0]?.id ?? '')).json.status).toBe(
      'completed',
    );
  });

  it('updates description, format and options: earlier results keep their format, later ones take the new one', async () => {
    const { harness, client } = exaSetup('cancel-race', 311);
    const webset = await createWebset(client, websetBody(2, [{ description: 'Seniority', format: 'text' }]));
    const id = webset.enrichments[0]?.id ?? '';
    harness.clock.advance(1_000);
    const updated = await client.updateEnrichment(webset.id, id, {
      description: 'Seniority level',
      format: 'options',
      options: [{ label: 'senior' }, { label: 'junior' }],
      metadata: { v: '2' },
    });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({
      description: 'Seniority level',
      format: 'options',
      options: [{ label: 'senior' }, { label: 'junior' }],
      metadata: { v: '2' },
      updatedAt: '2026-01-05T09:00:01.000Z',
    });
    harness.clock.advance(TEN_MINUTES);
    for (const result of await resultsOf(client, webset.id, id))
      expect(result).toMatchObject({
        format: 'options',
        result: [expect.stringMatching(/^(senior|junior)$/)],
      });
    const back = await client.updateEnrichment(webset.id, id, { format: 'number' });
    expect(back.json).toMatchObject({ format: 'number', options: null });
    for (const result of await resultsOf(client, webset.id, id))
      expect(result).toMatchObject({ format: 'options' });
  });

  it('refuses an update that leaves format and options inconsistent with 422', async () => {
    const { client } = exaSetup('default', 312);
    const webset = await createWebset(client, websetBody(1, [EMAIL]));
    const response = await client.updateEnrichment(webset.id, webset.enrichments[0]?.id ?? '', {
      format: 'options',
    });
    expect(response.status).toBe(422);
    expect(response.json.error).toContain('options is required');
    expect(
      (
        await client.updateEnrichment(webset.id, webset.enrichments[0]?.id ?? '', {
          options: [{ label: 'a' }],
        })
      ).status,
    ).toBe(422);
  });

  it('deletes an Enrichment: it is canceled, its results disappear from every Item, and it answers 404 afterwards', async () => {
    const { harness, client, runs } = exaSetup('default', 313);
    const webset = await createWebset(client, websetBody(5, [EMAIL, { description: 'Job title' }]));
    const [email, title] = webset.enrichments.map((enrichment) => enrichment.id);
    harness.clock.advance(1_100);
    const deleted = await client.deleteEnrichment(webset.id, email ?? '');
    expect(deleted.json).toMatchObject({ id: email, status: 'canceled' });
    expect(runs()).toHaveLength(1);
    const item = (await client.listItems(webset.id)).json.data[0];
    expect(item.enrichments.map((result: { enrichmentId: string }) => result.enrichmentId)).toEqual([title]);
    expect((await client.getEnrichment(webset.id, email ?? '')).status).toBe(404);
    expect((await client.getWebset(webset.id)).json.enrichments.map((e: { id: string }) => e.id)).toEqual([
      title,
    ]);
  });

  it('records a dispatch failure: 502 BAD_GATEWAY, the Enrichment completed with empty results, no credits charged', async () => {
    const { client, credits } = exaSetup('dispatch-failure', 314);
    const webset = await createWebset(client, websetBody(3));
    const failed = await client.createEnrichment(webset.id, EMAIL);
    expectExaError(failed, 502, 'BAD_GATEWAY', 'queue unavailable');
    const [enrichment] = (await client.getWebset(webset.id)).json.enrichments;
    expect(failed.json.error).toContain(enrichment.id);
    expect(enrichment.status).toBe('completed');
    expect((await client.getWebset(webset.id)).json.status).toBe('idle');
    for (const result of await resultsOf(client, webset.id, enrichment.id)) {
      expect(result).toMatchObject({
        status: 'completed',
        result: null,
        reasoning: expect.stringContaining('queue unavailable'),
      });
    }
    expect(credits()).toBe(1_000);
  });

  it('completes Enrichments at once on a Webset without Items', async () => {
    const { client, runs } = exaSetup('default', 315);
    const webset = await createWebset(client, { enrichments: [EMAIL] });
    expect(webset).toMatchObject({ status: 'idle', searches: [], enrichments: [{ status: 'completed' }] });
    expect(runs()).toEqual([]);
    const cancelled = await client.cancelEnrichment(webset.id, webset.enrichments[0]?.id ?? '');
    expect([cancelled.status, cancelled.json]).toEqual([200, webset.enrichments[0]]);
  });

  it('forgets Enrichments whose run expired (expired-jobs scenario)', async () => {
    const { harness, client } = exaSetup('expired-jobs', 316);
    const webset = await createWebset(client, websetBody(2, [EMAIL]));
    harness.clock.advance(11 * 60_000);
    expect((await client.getEnrichment(webset.id, webset.enrichments[0]?.id ?? '')).status).toBe(404);
    expect((await client.getWebset(webset.id)).json.enrichments).toEqual([]);
  });
});
