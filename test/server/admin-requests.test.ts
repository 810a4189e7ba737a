import { afterEach, describe, expect, it } from 'vitest';
import { checkedAdminCall } from './support/admin-call.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { listRun } from '../vendors/puffle/puffle-api.js';

const PUFFLE = { authorization: 'Bearer pk_live_filters' };
const LIST_RUN = listRun('work_email', 'list_prospects');
const SEND_TO_ADVANCE = 'Send {"ms": <non-negative integer>} or {"by": "<duration';

let server: TestServer;
afterEach(async () => server?.close());

const admin = (method: string, path: string, init: Parameters<TestServer['call']>[2] = {}) =>
  checkedAdminCall(server, method, path, init);

describe('control API: bodies are refused with what to send', () => {
  it.each([
    ['a negative ms', { ms: -5 }, 'ms must be >= 0'],
    ['ms as a duration string', { ms: '10s' }, 'ms must be integer'],
    [
      'two fields',
      { ms: 1, to: '2026-01-05T10:00:00Z' },
      'request body must have at most 1 field, got ms, to',
    ],
    ['an empty object', {}, 'request body must have at least 1 field, got none'],
    ['an unknown field', { seconds: 5 }, 'unknown field: seconds'],
  ])('clock/advance with %s names the problem, then what to send', async (_name, body, problem) => {
    server = await startTestServer({ seed: 1501 });
    const response = await admin('POST', '/__admin/clock/advance', { body });
    expect(response.status).toBe(400);
    const { message } = response.json.error;
    expect(message).toContain(`Invalid request: ${problem}. ${SEND_TO_ADVANCE}`);
    expect(message).not.toMatch(/alternatives|\(#2\)/);
  });

  it('clock/advance without a body says what to send', async () => {
    server = await startTestServer({ seed: 1502 });
    const response = await admin('POST', '/__admin/clock/advance');
    expect(response.json.error.message).toContain(`request body is required. ${SEND_TO_ADVANCE}`);
  });

  it('advances by a duration written as scenario files write them, or by milliseconds as a number', async () => {
    server = await startTestServer({ seed: 1503 });
    expect((await admin('POST', '/__admin/clock/advance', { body: { by: '1m30s' } })).json.now).toBe(
      '2026-01-05T09:01:30.000Z',
    );
    expect((await admin('POST', '/__admin/clock/advance', { body: { by: 250 } })).json.now).toBe(
      '2026-01-05T09:01:30.250Z',
    );
  });

  it('refuses a duration that does not parse with the forms it accepts', async () => {
    server = await startTestServer({ seed: 1504 });
    const response = await admin('POST', '/__admin/clock/advance', { body: { by: 'soon' } });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: expect.stringContaining(
        'by must be a duration: milliseconds as a number, or a string like "250ms"',
      ),
      details: [{ path: 'by', message: expect.stringContaining('(got "soon")') }],
    });
    expect((await admin('GET', '/__admin/clock')).json.now).toBe('2026-01-05T09:00:00.000Z');
  });

  it('ends a bad tenant update with what to send', async () => {
    server = await startTestServer({ seed: 1505 });
    const response = await admin('PUT', '/__admin/tenants/pk_live_x', { body: { credits: -5 } });
    expect(response.json.error.message).toBe(
      'Invalid request: credits must be >= 0. Send {"credits": <non-negative integer>}, {"revoked": true|false}, or both.',
    );
  });
});

describe('control API: query parameters', () => {
  it.each([
    [
      '/__admin/runs?scope=x',
      'GET /__admin/runs has no query parameter "scope". Its query parameters are tenant, scenario, status, vendor, limit, cursor.',
    ],
    [
      '/__admin/journal?op=x&sort=y',
      'GET /__admin/journal has no query parameters "op", "sort". Its query parameters are format, tenant, vendor, operation, limit.',
    ],
    [
      '/__admin/health?verbose=1',
      'GET /__admin/health has no query parameter "verbose". It takes no query parameters.',
    ],
  ])('refuses an unknown filter on %s, naming the known ones', async (path, message) => {
    server = await startTestServer({ seed: 1510 });
    const response = await admin('GET', path);
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: `Invalid request: ${message}`,
    });
  });

  it('filters runs by scenario', async () => {
    server = await startTestServer({ seed: 1511 });
    await server.call('POST', '/api/enrichment', { headers: PUFFLE, body: LIST_RUN });
    await server.call('POST', '/api/enrichment', {
      headers: { ...PUFFLE, 'x-mock-scenario': 'cancel-race' },
      body: LIST_RUN,
    });
    const scenariosOf = async (query: string) =>
      (await admin('GET', `/__admin/runs${query}`)).json.runs.map(
        (run: { scenario: string }) => run.scenario,
      );
    expect(await scenariosOf('')).toEqual(expect.arrayContaining(['default', 'cancel-race']));
    expect(await scenariosOf('?scenario=cancel-race')).toEqual(['cancel-race']);
    expect(await scenariosOf('?scenario=default')).toEqual(['default']);
    expect(await scenariosOf('?scenario=nope')).toEqual([]);
  });

  it('filters the journal by operationId, before keeping the newest `limit` entries', async () => {
    server = await startTestServer({ seed: 1512 });
    const created = await server.call('POST', '/api/enrichment', { headers: PUFFLE, body: LIST_RUN });
    const id = created.json.enrichmentRunId;
    await server.call('GET', `/api/enrichment/${id}`, { headers: PUFFLE });
    await server.call('GET', `/api/enrichment/${id}/items`, { headers: PUFFLE });
    await server.call('GET', `/api/enrichment/${id}`, { headers: PUFFLE });
    const paths = async (query: string) =>
      (await admin('GET', `/__admin/journal?${query}`)).json.entries.map(
        (entry: { request: { path: string } }) => entry.request.path,
      );
    expect(await paths('operation=puffleGetEnrichmentRun')).toEqual([
      `/api/enrichment/${id}`,
      `/api/enrichment/${id}`,
    ]);
    expect(await paths('operation=puffleCreateEnrichmentRun&limit=1')).toEqual(['/api/enrichment']);
    expect(await paths('operation=adminGetJournal&limit=1')).toEqual(['/__admin/journal']);
  });

  it('refuses an operationId no document declares, listing the known ones', async () => {
    server = await startTestServer({ seed: 1513 });
    const response = await admin('GET', '/__admin/journal?operation=createRun');
    expect(response.status).toBe(400);
    expect(response.json.error.message).toMatch(
      /^Invalid request: operation "createRun" is not an operationId .* Use one of: puffleCreateEnrichmentRun, .*adminGetJournal/,
    );
  });
});

describe('control API: readiness with an admin token', () => {
  it('answers health without the token, and everything else still needs it', async () => {
    server = await startTestServer({ seed: 1520, adminToken: 'secret' });
    const health = await admin('GET', '/__admin/health');
    expect(health.status).toBe(200);
    expect(health.json.status).toBe('ok');
    expect((await admin('GET', '/__admin/clock')).status).toBe(401);
    expect(
      (await admin('GET', '/__admin/health', { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(200);
    expect(
      (await admin('GET', '/__admin/clock', { headers: { authorization: 'Bearer secret' } })).status,
    ).toBe(200);
  });
});
