import { describe, expect, it } from 'vitest';
import { contextOf, createHarness } from '../../support/mock-harness.js';
import { leadIds, sendkitClient, startJob } from './sendkit-api.js';

const LEAD = '65f1a2b3c4d5e6f708192a3b';

describe('sendkit: request validation', () => {
  it.each([
    ['leadIds is missing', { enrichmentTypes: ['email'] }, 'leadIds is required'],
    ['enrichmentTypes is missing', { leadIds: [LEAD] }, 'enrichmentTypes is required'],
    ['leadIds is a string', { leadIds: LEAD, enrichmentTypes: ['email'] }, 'leadIds must be array'],
    [
      'enrichmentTypes holds a number',
      { leadIds: [LEAD], enrichmentTypes: [1] },
      'enrichmentTypes[0] must be string',
    ],
    [
      'an enrichment type is unknown',
      { leadIds: [LEAD], enrichmentTypes: ['email', 'fax'] },
      'enrichmentTypes[1] must be one of: email, phoneEnrichment, segGateway, espDetection',
    ],
    ['a lead id is not an ObjectId', { leadIds: [LEAD, 'lead_1'], enrichmentTypes: ['email'] }, 'leadIds[1]'],
    ['leadIds is empty', { leadIds: [], enrichmentTypes: ['email'] }, 'leadIds'],
    ['enrichmentTypes is empty', { leadIds: [LEAD], enrichmentTypes: [] }, 'enrichmentTypes'],
    [
      'an enrichment type is repeated',
      { leadIds: [LEAD], enrichmentTypes: ['email', 'email'] },
      'enrichmentTypes',
    ],
    ['the body is an array', [LEAD], 'request body must be object'],
  ])('answers 400 VALIDATION_ERROR naming the field when %s', async (_name, body, message) => {
    const harness = createHarness({ scenario: 'default', seed: 361 });
    const response = await sendkitClient(harness, 'sk_valid_1').enrich(body);
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('VALIDATION_ERROR');
    expect(response.json.error.message).toContain(message);
    expect(contextOf(harness.mock).simulator.allRuns()).toEqual([]);
  });

  it('answers 400 INVALID_JSON for a malformed body', async () => {
    const harness = createHarness({ scenario: 'default', seed: 362 });
    const response = await sendkitClient(harness, 'sk_valid_2').call('POST', '/v1/enrichment/enrich', {
      rawBody: '{"leadIds": [',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.json.error).toEqual({
      code: 'INVALID_JSON',
      message: expect.stringMatching(/^Request body is not valid JSON/),
    });
  });

  it('answers 400 VALIDATION_ERROR for a missing body', async () => {
    const harness = createHarness({ scenario: 'default', seed: 363 });
    const response = await sendkitClient(harness, 'sk_valid_3').call('POST', '/v1/enrichment/enrich', {
      headers: { 'content-type': 'application/json' },
    });
    expect([response.status, response.json.error.code]).toEqual([400, 'VALIDATION_ERROR']);
    expect(response.json.error.message).toContain('request body is required');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a body that is not sent as JSON', async () => {
    const harness = createHarness({ scenario: 'default', seed: 364 });
    const body = JSON.stringify({ leadIds: [LEAD], enrichmentTypes: ['email'] });
    const response = await sendkitClient(harness, 'sk_valid_4').call('POST', '/v1/enrichment/enrich', {
      rawBody: body,
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(415);
    expect(response.json.error).toEqual({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('Content-Type: application/json'),
    });
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a body over 1 MiB', async () => {
    const harness = createHarness({ scenario: 'default', seed: 365 });
    const body = JSON.stringify({
      leadIds: Array.from({ length: 50_000 }, () => LEAD),
      enrichmentTypes: ['email'],
    });
    expect(body.length).toBeGreaterThan(1_048_576);
    const response = await sendkitClient(harness, 'sk_valid_5').call('POST', '/v1/enrichment/enrich', {
      rawBody: body,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.json.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 400 VALIDATION_ERROR when leadIds holds more than 10,000 ids', async () => {
    const harness = createHarness({ scenario: 'default', seed: 366 });
    const response = await sendkitClient(harness, 'sk_valid_6').enrich({
      leadIds: Array.from({ length: 10_001 }, () => LEAD),
      enrichmentTypes: ['email'],
    });
    expect([response.status, response.json.error.code]).toEqual([400, 'VALIDATION_ERROR']);
    expect(response.json.error.message).toContain('leadIds');
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ cursor: '' }, 'cursor'],
    [{ emailVerified: 'yes' }, 'emailVerified'],
    [{ segProtected: 1 }, 'segProtected'],
    [{ phoneFound: 'maybe' }, 'phoneFound'],
    [{ emailStatus: 'great' }, 'emailStatus'],
  ])('answers 400 VALIDATION_ERROR naming the query parameter for GET /v1/leads?%o', async (query, field) => {
    const harness = createHarness({ scenario: 'default', seed: 367 });
    const response = await sendkitClient(harness, 'sk_valid_7').leads(query);
    expect([response.status, response.json.error.code]).toEqual([400, 'VALIDATION_ERROR']);
    expect(response.json.error.message).toContain(field);
  });

  it('accepts a body-less cancel sent with Content-Type: application/json, and ignores a JSON body', async () => {
    const harness = createHarness({ scenario: 'default', seed: 368 });
    const client = sendkitClient(harness, 'sk_valid_8');
    const first = await startJob(client);
    const second = await startJob(client, 'segGateway');
    const bodyless = await client.cancel(first, { headers: { 'content-type': 'application/json' } });
    expect([bodyless.status, bodyless.json.data.status]).toEqual([200, 'cancelled']);
    const withBody = await client.cancel(second, { body: { reason: 'no longer needed' } });
    expect([withBody.status, withBody.json.data.status]).toEqual([200, 'cancelled']);
  });

  it('never answers 500 to odd but well-formed requests', async () => {
    const harness = createHarness({ scenario: 'default', seed: 369 });
    const client = sendkitClient(harness, 'sk_valid_9');
    const ids = await leadIds(client, 2);
    const odd = [
      await client.enrich({ leadIds: ids, enrichmentTypes: ['email'], extra: { nested: true } }),
      await client.job('%E2%9C%93'),
      await client.cancel('bulk_email_verification_0_aaaaaaa'),
      await client.leads({
        cursor: 'zzzz',
        emailStatus: 'unknown',
        segProtected: false,
        phoneFound: true,
        listId: 'list_prospects',
      }),
      await client.call('POST', '/v1/enrichment/enrich', {
        rawBody: 'null',
        headers: { 'content-type': 'application/json' },
      }),
    ];
    expect(odd.map((response) => response.status)).toEqual([200, 404, 404, 200, 400]);
  });
});
