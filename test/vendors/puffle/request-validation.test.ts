import { describe, expect, it } from 'vitest';
import { scenarioWith } from '../../support/scenario-variants.js';
import { checkedCall, expectError, listRun, puffleClient, puffleSetup, startRun } from './puffle-api.js';

const VALID = listRun('work_email', 'list_prospects');

describe('puffle: request body validation', () => {
  const cases: { name: string; body: unknown; path: string }[] = [
    { name: 'a missing enrichmentId', body: { scope: VALID.scope, input: {} }, path: 'enrichmentId' },
    { name: 'an empty enrichmentId', body: { ...VALID, enrichmentId: '' }, path: 'enrichmentId' },
    { name: 'an enrichmentId of the wrong type', body: { ...VALID, enrichmentId: 7 }, path: 'enrichmentId' },
    { name: 'a missing scope', body: { enrichmentId: 'work_email', input: {} }, path: 'scope' },
    { name: 'a missing input', body: { enrichmentId: 'work_email', scope: VALID.scope }, path: 'input' },
    { name: 'an input that is not an object', body: { ...VALID, input: 'x' }, path: 'input' },
    { name: 'an unknown mode', body: { ...VALID, mode: 'dry_run' }, path: 'mode' },
    { name: 'an unknown writePolicy', body: { ...VALID, writePolicy: 'merge' }, path: 'writePolicy' },
    {
      name: 'an unknown scope type',
      body: { ...VALID, scope: { type: 'segment', listId: 'list_prospects' } },
      path: 'scope.type',
    },
    {
      name: 'a subject inside scope',
      body: { ...VALID, scope: { type: 'list', listId: 'list_prospects', subject: 'person' } },
      path: 'scope.subject',
    },
    {
      name: 'a lead id of the wrong type',
      body: { ...VALID, scope: { type: 'explicit_leads', leadIds: [42] } },
      path: 'scope.leadIds.0',
    },
    {
      name: 'a list scope without listId',
      body: { ...VALID, scope: { type: 'list' } },
      path: 'scope.listId',
    },
    { name: 'an empty idempotencyKey', body: { ...VALID, idempotencyKey: '' }, path: 'idempotencyKey' },
    {
      name: 'an idempotencyKey over 255 characters',
      body: { ...VALID, idempotencyKey: 'k'.repeat(256) },
      path: 'idempotencyKey',
    },
    { name: 'an output without attributeKey', body: { ...VALID, output: {} }, path: 'output.attributeKey' },
    {
      name: 'a displayRequest without fieldId',
      body: { ...VALID, displayRequest: {} },
      path: 'displayRequest.fieldId',
    },
  ];

  for (const { name, body, path } of cases) {
    it(`answers 400 VALIDATION_ERROR naming ${path} for ${name}`, async () => {
      const { client, runs } = puffleSetup('default', 701);
      const response = await client.call('POST', '/api/enrichment', { body });
      expectError(response, 400, 'VALIDATION_ERROR');
      expect(response.json.details.map((detail: { path: string }) => detail.path)).toContain(path);
      expect(response.json.error).toContain(path);
      expect(runs()).toEqual([]);
    });
  }

  it('answers 400 VALIDATION_ERROR for a body that is not an object, and for a missing body', async () => {
    const { client } = puffleSetup('default', 702);
    for (const body of [[VALID], null, 'work_email']) {
      const response = await client.call('POST', '/api/enrichment', { body });
      expectError(response, 400, 'VALIDATION_ERROR');
    }
    const empty = await client.call('POST', '/api/enrichment', {
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(400);
    expect(empty.json).toMatchObject({
      code: 'VALIDATION_ERROR',
      error: expect.stringContaining('body is required'),
    });
  });

  it('ignores unknown top-level fields', async () => {
    const { client } = puffleSetup('default', 703);
    expect((await client.create({ ...VALID, clientTag: 'crm' })).status).toBe(200);
  });

  it('answers 400 INVALID_JSON for malformed JSON, naming the position', async () => {
    const { client } = puffleSetup('default', 704);
    const response = await client.call('POST', '/api/enrichment', {
      rawBody: '{"enrichmentId": "work_email",',
      headers: { 'content-type': 'application/json' },
    });
    expectError(response, 400, 'INVALID_JSON', 'not valid JSON');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE for a body that is not sent as JSON', async () => {
    const { client } = puffleSetup('default', 705);
    const response = await client.call('POST', '/api/enrichment', {
      rawBody: JSON.stringify(VALID),
      headers: { 'content-type': 'text/plain' },
    });
    expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE', 'application/json');
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a body over 1 MiB', async () => {
    const { client, runs } = puffleSetup('default', 706);
    const leadIds = Array.from({ length: 40_000 }, (_, index) => `lead_${String(index).padStart(24, '0')}`);
    const response = await client.create({ ...VALID, scope: { type: 'explicit_leads', leadIds } });
    expectError(response, 413, 'PAYLOAD_TOO_LARGE', '1048576');
    expect(runs()).toEqual([]);
  });
});

describe('puffle: authentication', () => {
  const malformed = [
    '',
    'pk_live_abc',
    'Token pk_live_abc',
    'Bearer',
    'Bearer ',
    'Bearer two keys',
    'Basic dXNlcjpwYXNz',
  ];

  it('answers 401 unauthorized on every endpoint without an Authorization header', async () => {
    const { harness } = puffleSetup('default', 710);
    const client = puffleClient(harness, null);
    for (const response of [
      await client.create(VALID),
      await client.get('x'),
      await client.items('x'),
      await client.cancel('x'),
      await client.catalog(),
    ]) {
      expectError(response, 401, 'unauthorized', 'Authorization: Bearer');
    }
  });

  for (const header of malformed) {
    it(`answers 401 unauthorized for the Authorization header ${JSON.stringify(header)}`, async () => {
      const { harness, runs } = puffleSetup('default', 711);
      const response = await checkedCall(harness, 'POST', '/api/enrichment', {
        body: VALID,
        headers: { authorization: header },
      });
      expectError(response, 401, 'unauthorized');
      expect(runs()).toEqual([]);
    });
  }

  it('accepts the scheme in any case', async () => {
    const { harness } = puffleSetup('default', 712);
    const response = await checkedCall(harness, 'GET', '/api/enrichments', {
      headers: { authorization: 'bearer pk_live_lower' },
    });
    expect(response.status).toBe(200);
  });

  it('answers 401 unauthorized for a revoked key, even for its own runs', async () => {
    const revoked = scenarioWith('default', 'puffle-revoked', (scenario) => ({
      ...scenario,
      world: { ...scenario.world, revokedKeys: ['pk_live_revoked'] },
    }));
    const { harness } = puffleSetup(revoked, 713);
    const client = puffleClient(harness, 'pk_live_revoked');
    const response = await client.create(VALID);
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ code: 'unauthorized', error: expect.stringContaining('revoked') });
    expect((await client.catalog()).status).toBe(401);
    expect((await puffleClient(harness, 'pk_live_active').catalog()).status).toBe(200);
  });
});

describe('puffle: routing', () => {
  it('answers 404 not_found for an unknown path and 405 with Allow for a wrong method', async () => {
    const { client } = puffleSetup('default', 720);
    const missing = await client.call('GET', '/api/enrichment-runs');
    expectError(missing, 404, 'not_found');
    const id = await startRun(client, VALID);
    const wrong = await client.call('DELETE', `/api/enrichment/${id}`);
    expectError(wrong, 405, 'method_not_allowed');
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('answers 400 UNKNOWN_SCENARIO in the Puffle error shape for an unknown X-Mock-Scenario', async () => {
    const { client } = puffleSetup('default', 721);
    const response = await client.create(VALID, { 'x-mock-scenario': 'no-such-scenario' });
    expectError(response, 400, 'UNKNOWN_SCENARIO');
  });
});
