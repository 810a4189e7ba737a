import { describe, expect, it } from 'vitest';
import { createHarness } from '../support/mock-harness.js';

const PUFFLE = 'https://app.puffle.ai/api/enrichment';
const SENDKIT = 'https://api.sendkit.ai/v1';
const EXA = 'https://api.exa.ai/websets/v0/websets';

describe('401 messages say which keys the mock accepts', () => {
  it.each([
    [
      'Puffle without a key',
      'GET',
      'https://app.puffle.ai/api/enrichments',
      {},
      /accepts any single key without spaces/,
    ],
    [
      'Puffle with a malformed header',
      'GET',
      'https://app.puffle.ai/api/enrichments',
      { authorization: 'Token abc' },
      /accepts any single key without spaces/,
    ],
    ['Sendkit without a key', 'GET', `${SENDKIT}/leads`, {}, /starts with sk_ followed by a letter or digit/],
    [
      'Sendkit with a key that is not sk_',
      'GET',
      `${SENDKIT}/leads`,
      { 'x-api-key': 'pk_live_1' },
      /Invalid API key: Sendkit keys start with sk_\. .*sk_user_<key> sent with an X-Workspace-Id header/,
    ],
    ['Exa without a key', 'GET', EXA, {}, /accepts any non-blank key/],
  ])('%s', async (_name, method, url, headers, message) => {
    const { call } = createHarness({ seed: 1401 });
    const response = await call(method, url, { headers });
    expect(response.status).toBe(401);
    expect(response.text).toMatch(message);
  });
});

describe('"that id is not yours" errors say where the tenant\'s ids are listed', () => {
  const hint = (key: string) =>
    `GET /__admin/tenants/${key}?scenario=default on the mock server, or mock.tenant("${key}").describe() in process.`;

  it('Puffle EMPTY_LEAD_SCOPE for an unknown list names the admin call and the kit call', async () => {
    const { call, mock } = createHarness({ seed: 1402 });
    const response = await call('POST', PUFFLE, {
      headers: { authorization: 'Bearer pk_live_ids' },
      body: { enrichmentId: 'work_email', scope: { type: 'list', listId: 'list_nope' }, input: {} },
    });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ code: 'EMPTY_LEAD_SCOPE' });
    expect(response.json.error).toContain(hint('pk_live_ids'));
    expect(
      mock
        .tenant('pk_live_ids')
        .describe()
        .lists.map((list) => list.id),
    ).toContain('list_prospects');
  });

  it('Puffle UNKNOWN_LEAD names the admin call, with the details unchanged', async () => {
    const { call } = createHarness({ seed: 1403 });
    const response = await call('POST', PUFFLE, {
      headers: { authorization: 'Bearer pk_live_ids' },
      body: { enrichmentId: 'work_email', scope: { type: 'explicit_leads', leadIds: ['nope'] }, input: {} },
    });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      code: 'UNKNOWN_LEAD',
      details: [{ path: 'scope.leadIds.0', message: 'lead nope not found for this API key' }],
    });
    expect(response.json.error).toContain(hint('pk_live_ids'));
  });

  it('Sendkit VALIDATION_ERROR for lead ids of another workspace names the admin call', async () => {
    const { call } = createHarness({ seed: 1404 });
    const response = await call('POST', `${SENDKIT}/enrichment/enrich`, {
      headers: { 'x-api-key': 'sk_ids' },
      body: { leadIds: ['65f1a2b3c4d5e6f708192a3b'], enrichmentTypes: ['email'] },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('VALIDATION_ERROR');
    expect(response.json.error.message).toContain('GET /v1/leads');
    expect(response.json.error.message).toContain(hint('sk_ids'));
  });

  it("Exa NOT_FOUND for another key's Webset says where the key's Websets are listed", async () => {
    const { call } = createHarness({ seed: 1405 });
    const response = await call('GET', `${EXA}/webset_nope`, { headers: { 'x-api-key': 'exa_ids' } });
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ tag: 'NOT_FOUND' });
    expect(response.json.error).toContain('GET /websets/v0/websets lists them');
  });
});
