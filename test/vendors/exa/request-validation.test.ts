import { describe, expect, it } from 'vitest';
import { createWebset, EMAIL, exaClient, exaSetup, websetBody, expectExaError } from './exa-api.js';

/** A Webset to send Enrichment requests to. */
async function withWebset(seed: number) {
  const setup = exaSetup('default', seed);
  const webset = await createWebset(setup.client, websetBody(2));
  return { ...setup, webset };
}

describe('exa: request validation', () => {
  it.each([
    ['a missing description', {}, 'description is required'],
    ['a description of the wrong type', { description: 42 }, 'description must be string'],
    ['an empty description', { description: '' }, 'description'],
    [
      'an unknown format',
      { description: 'x', format: 'pdf' },
      'format must be one of: text, date, number, options, email, phone, url',
    ],
    [
      'options of the wrong shape',
      { description: 'x', format: 'options', options: [{ name: 'a' }] },
      'options[0].label is required',
    ],
    ['a non-string metadata value', { description: 'x', metadata: { n: 1 } }, 'metadata.n must be string'],
  ])(
    'refuses an Enrichment with %s: 400 INVALID_REQUEST_BODY naming the field',
    async (_name, body, message) => {
      const { client, webset, runs } = await withWebset(601);
      const response = await client.createEnrichment(webset.id, body);
      expectExaError(response, 400, 'INVALID_REQUEST_BODY', message);
      expect(runs()).toEqual([]);
    },
  );

  it.each([
    ['a search without query', { search: { count: 2 } }, 'search.query is required'],
    ['a count that is a string', { search: { query: 'CTOs', count: 'ten' } }, 'search.count must be number'],
    ['a count below 1', { search: { query: 'CTOs', count: 0 } }, 'search.count'],
    ['an unknown entity type', { search: { query: 'CTOs', entity: { type: 'robot' } } }, 'search.entity'],
    [
      'too many criteria',
      { search: { query: 'CTOs', criteria: Array(6).fill({ description: 'x' }) } },
      'search.criteria',
    ],
    ['an externalId of the wrong type', { externalId: 7 }, 'externalId must be string'],
    ['enrichments that are not a list', { enrichments: EMAIL }, 'enrichments must be array'],
  ])('refuses a Webset with %s: 400 INVALID_REQUEST_BODY naming the field', async (_name, body, message) => {
    const { client } = exaSetup('default', 602);
    const response = await client.createWebset(body);
    expectExaError(response, 400, 'INVALID_REQUEST_BODY', message);
  });

  it('refuses an update with an unknown format with 400 naming format', async () => {
    const { client } = exaSetup('default', 603);
    const webset = await createWebset(client, websetBody(1, [EMAIL]));
    const response = await client.updateEnrichment(webset.id, webset.enrichments[0]?.id ?? '', {
      format: 'html',
    });
    expect(response.status).toBe(400);
    expect(response.json.error).toContain('format must be one of');
  });

  it('refuses a missing body with 400 INVALID_REQUEST_BODY', async () => {
    const { client, webset } = await withWebset(604);
    const response = await client.call('POST', `/websets/${webset.id}/enrichments`, {
      headers: { 'content-type': 'application/json' },
    });
    expectExaError(response, 400, 'INVALID_REQUEST_BODY', 'request body is required');
  });

  it('refuses malformed JSON with 400 INVALID_REQUEST_BODY saying where', async () => {
    const { client, webset } = await withWebset(605);
    const response = await client.call('POST', `/websets/${webset.id}/enrichments`, {
      rawBody: '{"description": "x",}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      tag: 'INVALID_REQUEST_BODY',
      error: expect.stringMatching(/not valid JSON.*position/),
    });
  });

  it('refuses a body that is not JSON by Content-Type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const { client, webset } = await withWebset(606);
    const response = await client.call('POST', `/websets/${webset.id}/enrichments`, {
      rawBody: 'description=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectExaError(response, 415, 'UNSUPPORTED_MEDIA_TYPE', 'application/json');
  });

  it('refuses a body over 1 MiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const { client } = exaSetup('default', 607);
    const response = await client.call('POST', '/websets', {
      body: { search: { query: 'x'.repeat(1_100_000) } },
    });
    expectExaError(response, 413, 'PAYLOAD_TOO_LARGE', '1048576 bytes');
  });

  it('refuses a missing or empty x-api-key with 401 INVALID_API_KEY', async () => {
    const { harness } = exaSetup('default', 608);
    for (const response of [
      await exaClient(harness, null).listWebsets(),
      await exaClient(harness, '').createWebset(websetBody(1)),
    ]) {
      expectExaError(response, 401, 'INVALID_API_KEY', 'x-api-key');
    }
  });

  it('accepts body-less POST and DELETE sent with Content-Type: application/json, as exa-js does', async () => {
    const { client } = exaSetup('default', 609);
    const webset = await createWebset(client, websetBody(2, [EMAIL, { description: 'Job title' }]));
    const json = { headers: { 'content-type': 'application/json' }, rawBody: '' };
    const [first, second] = webset.enrichments.map((enrichment) => enrichment.id);
    expect(
      (await client.call('POST', `/websets/${webset.id}/enrichments/${first ?? ''}/cancel`, json)).status,
    ).toBe(200);
    expect(
      (await client.call('DELETE', `/websets/${webset.id}/enrichments/${second ?? ''}`, json)).status,
    ).toBe(200);
    expect((await client.call('POST', `/websets/${webset.id}/cancel`, json)).status).toBe(200);
    expect((await client.call('DELETE', `/websets/${webset.id}`, json)).status).toBe(200);
  });

  it('refuses an unknown expand value with 400 INVALID_REQUEST_PARAMS naming expand', async () => {
    const { client } = exaSetup('default', 610);
    const webset = await createWebset(client, websetBody(1));
    const response = await client.getWebset(webset.id, { expand: ['monitors'] });
    expectExaError(response, 400, 'INVALID_REQUEST_PARAMS', 'expand');
  });

  it('answers an unknown path with 404 NOT_FOUND in the Exa error shape', async () => {
    const { client } = exaSetup('default', 611);
    const response = await client.call('GET', '/monitors');
    expect(response.status).toBe(404);
    expect(response.json.tag).toBe('NOT_FOUND');
  });
});
