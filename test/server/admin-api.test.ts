import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRealClock } from '../../src/clock/real-clock.js';
import { checkedAdminCall } from './support/admin-call.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { listRun } from '../vendors/puffle/puffle-api.js';

const PUFFLE = (key: string) => ({ authorization: `Bearer ${key}` });
const LIST_RUN = listRun('work_email', 'list_prospects');

let server: TestServer;
let dir: string;

/** Calls the control API and checks the answer against openapi/admin.yaml. */
const admin = (method: string, path: string, init: Parameters<TestServer['call']>[2] = {}) =>
  checkedAdminCall(server, method, path, init);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'enrichment-mock-admin-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => server?.close());

describe('control API: health and clock', () => {
  it('reports health with version, active scenario, clock and uptime', async () => {
    server = await startTestServer({ seed: 201 });
    const { status, json } = await admin('GET', '/__admin/health');
    expect(status).toBe(200);
    expect(json).toMatchObject({
      status: 'ok',
      version: '0.0.0-test',
      scenario: 'default',
      clock: { mode: 'virtual', now: '2026-01-05T09:00:00.000Z', speed: 0 },
    });
  });

  it('advances the virtual clock by ms and to an instant, and accepts a zero move', async () => {
    server = await startTestServer({ seed: 202 });
    expect((await admin('POST', '/__admin/clock/advance', { body: { ms: 1_500 } })).json.now).toBe(
      '2026-01-05T09:00:01.500Z',
    );
    expect(
      (await admin('POST', '/__admin/clock/advance', { body: { to: '2026-01-05T10:00:00Z' } })).json.nowMs,
    ).toBe(Date.parse('2026-01-05T10:00:00Z'));
    expect((await admin('POST', '/__admin/clock/advance', { body: { ms: 0 } })).json.now).toBe(
      '2026-01-05T10:00:00.000Z',
    );
    expect((await admin('GET', '/__admin/clock')).json).toEqual({
      mode: 'virtual',
      now: '2026-01-05T10:00:00.000Z',
      nowMs: Date.parse('2026-01-05T10:00:00Z'),
      speed: 0,
    });
  });

  it('answers 409 CONFLICT when the clock would go backwards', async () => {
    server = await startTestServer({ seed: 203 });
    const response = await admin('POST', '/__admin/clock/advance', { body: { to: '2025-01-01T00:00:00Z' } });
    expect(response.status).toBe(409);
    expect(response.json.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('never goes backwards'),
    });
  });

  it('answers 409 CONFLICT when the clock is real, and shows its speed-up', async () => {
    server = await startTestServer({ seed: 204, clock: createRealClock({ speed: 60 }) });
    const response = await admin('POST', '/__admin/clock/advance', { body: { ms: 1 } });
    expect(response.status).toBe(409);
    expect(response.json.error.message).toContain('--clock virtual');
    expect((await admin('GET', '/__admin/clock')).json).toMatchObject({ mode: 'real', speed: 60 });
  });

  it.each([
    ['a negative duration', { body: { ms: -1 } }, 400, 'VALIDATION_ERROR'],
    ['both fields', { body: { ms: 1, to: '2026-01-05T10:00:00Z' } }, 400, 'VALIDATION_ERROR'],
    ['no body', {}, 400, 'VALIDATION_ERROR'],
    [
      'broken JSON',
      { rawBody: '{"ms":', headers: { 'content-type': 'application/json' } },
      400,
      'VALIDATION_ERROR',
    ],
    [
      'a text body',
      { rawBody: 'ms=1', headers: { 'content-type': 'text/plain' } },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a body over 1 MiB',
      {
        rawBody: JSON.stringify({ ms: 1, pad: 'x'.repeat(1_100_000) }),
        headers: { 'content-type': 'application/json' },
      },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ])('refuses %s with the documented AdminError', async (_name, init, status, code) => {
    server = await startTestServer({ seed: 205 });
    const response = await admin('POST', '/__admin/clock/advance', init);
    expect(response.status).toBe(status);
    expect(response.json.error.code).toBe(code);
  });

  it('names the offending field of an invalid body in details', async () => {
    server = await startTestServer({ seed: 206 });
    const response = await admin('PUT', '/__admin/tenants/pk_live_x', { body: { credits: -5 } });
    expect(response.json.error.details).toEqual([
      { path: 'credits', message: expect.stringContaining('credits') },
    ]);
  });

  it('answers 404 for an unknown control route and 405 with Allow for a wrong method', async () => {
    server = await startTestServer({ seed: 207 });
    expect((await admin('GET', '/__admin/nope')).json.error.code).toBe('NOT_FOUND');
    const wrong = await admin('DELETE', '/__admin/clock');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });
});

describe('control API: scenarios and reset', () => {
  it('lists the built-in scenarios and the active one', async () => {
    server = await startTestServer({ seed: 210 });
    const { json } = await admin('GET', '/__admin/scenarios');
    expect(json.active).toBe('default');
    expect(json.scenarios).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'flaky-network', source: 'builtin' })]),
    );
  });

  it('selects a scenario by name with a seed, which resets all state', async () => {
    server = await startTestServer({ seed: 211 });
    await server.call('POST', '/api/enrichment', { headers: PUFFLE('pk_live_a'), body: LIST_RUN });
    const selected = await admin('PUT', '/__admin/scenario', { body: { name: 'happy-path-fast', seed: 42 } });
    expect(selected.json).toEqual({ active: 'happy-path-fast', seed: 42 });
    expect((await admin('GET', '/__admin/runs')).json.runs).toEqual([]);
    expect((await admin('GET', '/__admin/health')).json.scenario).toBe('happy-path-fast');
  });

  it('selects a scenario file by path and lists it as a file scenario', async () => {
    server = await startTestServer({ seed: 212 });
    const file = join(dir, 'rich.yaml');
    writeFileSync(
      file,
      'extends: default\nname: rich-tenants\ndescription: Everyone is rich.\nworld:\n  defaults:\n    credits: 99999\n',
    );
    expect((await admin('PUT', '/__admin/scenario', { body: { name: file } })).json).toEqual({
      active: 'rich-tenants',
      seed: 212,
    });
    expect((await admin('GET', '/__admin/scenarios')).json.scenarios).toContainEqual({
      name: 'rich-tenants',
      description: 'Everyone is rich.',
      source: 'file',
      path: file,
      active: true,
    });
    expect((await admin('GET', '/__admin/tenants/pk_live_rich')).json.credits).toBe(99999);
    // The name it is listed under selects it again.
    await admin('PUT', '/__admin/scenario', { body: { name: 'default' } });
    expect((await admin('PUT', '/__admin/scenario', { body: { name: 'rich-tenants' } })).json.active).toBe(
      'rich-tenants',
    );
  });

  it('lists a file named like a built-in under its path, and says which one is active', async () => {
    server = await startTestServer({ seed: 215 });
    const file = join(dir, 'default.yaml');
    writeFileSync(
      file,
      'extends: default\ndescription: Default, but rich.\nworld:\n  defaults:\n    credits: 7777\n',
    );
    expect((await admin('PUT', '/__admin/scenario', { body: { name: file } })).json.active).toBe(file);
    const listed = (await admin('GET', '/__admin/scenarios')).json;
    const named = (name: string) =>
      listed.scenarios.filter((scenario: { name: string }) => scenario.name === name);
    expect(listed.active).toBe(file);
    expect(named('default')).toEqual([
      { name: 'default', description: expect.any(String), source: 'builtin', active: false },
    ]);
    expect(named(file)).toEqual([
      { name: file, description: 'Default, but rich.', source: 'file', path: file, active: true },
    ]);
    expect((await admin('GET', '/__admin/tenants/pk_live_x')).json.credits).toBe(7777);
    const builtin = await server.call('GET', '/__admin/tenants/pk_live_x?scenario=default');
    expect(builtin.json.credits).toBe(1000);
    // Selecting the built-in by name gives the built-in, not the file.
    await admin('PUT', '/__admin/scenario', { body: { name: 'default' } });
    expect((await admin('GET', '/__admin/tenants/pk_live_x')).json.credits).toBe(1000);
    expect(
      (await admin('GET', '/__admin/scenarios')).json.scenarios.filter(
        (scenario: { active: boolean }) => scenario.active,
      ),
    ).toEqual([expect.objectContaining({ name: 'default', source: 'builtin' })]);
  });

  it('answers 404 for an unknown scenario or an unreadable file, and 400 with details for an invalid one', async () => {
    server = await startTestServer({ seed: 213 });
    expect((await admin('PUT', '/__admin/scenario', { body: { name: 'no-such-scenario' } })).status).toBe(
      404,
    );
    expect(
      (await admin('PUT', '/__admin/scenario', { body: { name: join(dir, 'missing.yaml') } })).status,
    ).toBe(404);
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'extends: default\ndescription: Broken.\nworld:\n  defaults:\n    credits: -1\n');
    const invalid = await admin('PUT', '/__admin/scenario', { body: { name: file } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.details).toContainEqual({
      path: 'world.defaults.credits',
      message: expect.any(String),
    });
    expect((await admin('GET', '/__admin/health')).json.scenario).toBe('default');
  });

  it('resets every run and tenant but keeps the journal and the clock', async () => {
    server = await startTestServer({ seed: 214 });
    await server.call('POST', '/api/enrichment', { headers: PUFFLE('pk_live_b'), body: LIST_RUN });
    await admin('PUT', '/__admin/tenants/pk_live_b', { body: { credits: 3 } });
    await admin('POST', '/__admin/clock/advance', { body: { ms: 5_000 } });
    expect(
      (await admin('POST', '/__admin/reset', { headers: { 'content-type': 'application/json' } })).json,
    ).toEqual({ reset: true, scenario: 'default' });
    expect((await admin('GET', '/__admin/runs')).json.runs).toEqual([]);
    expect((await admin('GET', '/__admin/tenants/pk_live_b')).json.credits).toBe(1000);
    expect((await admin('GET', '/__admin/clock')).json.now).toBe('2026-01-05T09:00:05.000Z');
    expect((await admin('GET', '/__admin/journal')).json.entries.length).toBeGreaterThan(4);
    expect(
      (await admin('POST', '/__admin/reset', { body: { scenario: 'insufficient-credits' } })).json.scenario,
    ).toBe('insufficient-credits');
  });
});

describe('control API: runs and tenants', () => {
  it('lists runs of every vendor newest first, filters them and pages with a cursor', async () => {
    server = await startTestServer({ seed: 220 });
    const ids: string[] = [];
    for (const key of ['pk_live_one', 'pk_live_two', 'pk_live_one']) {
      ids.push(
        (await server.call('POST', '/api/enrichment', { headers: PUFFLE(key), body: LIST_RUN })).json
          .enrichmentRunId,
      );
      server.virtual().advance(1_000);
    }
    const leads = await server.call('GET', '/v1/leads?limit=3', { headers: { 'x-api-key': 'sk_runs' } });
    const leadIds = leads.json.data.leads.map((lead: { id: string }) => lead.id);
    await server.call('POST', '/v1/enrichment/enrich', {
      headers: { 'x-api-key': 'sk_runs' },
      body: { leadIds, enrichmentTypes: ['email'] },
    });

    const all = (await admin('GET', '/__admin/runs')).json.runs;
    expect(all.map((run: { vendor: string }) => run.vendor)).toEqual([
      'sendkit',
      'puffle',
      'puffle',
      'puffle',
    ]);
    expect(all.slice(1).map((run: { id: string }) => run.id)).toEqual([...ids].reverse());
    expect(all[0]).toMatchObject({ tenant: 'sk_runs', status: 'pending', leadCount: 3, scenario: 'default' });

    const first = (await admin('GET', '/__admin/runs?vendor=puffle&limit=2')).json;
    expect(first.runs.map((run: { id: string }) => run.id)).toEqual([ids[2], ids[1]]);
    const second = (await admin('GET', `/__admin/runs?vendor=puffle&limit=2&cursor=${first.nextCursor}`))
      .json;
    expect(second).toEqual({ runs: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    expect((await admin('GET', '/__admin/runs?tenant=pk_live_one')).json.runs).toHaveLength(2);
    expect((await admin('GET', '/__admin/runs?status=completed')).json.runs).toHaveLength(0);
    expect((await admin('GET', '/__admin/runs?cursor=bogus')).status).toBe(400);
    expect((await admin('GET', '/__admin/runs?limit=0')).status).toBe(400);
  });

  it('shows a tenant with its lists, lead ids and catalog', async () => {
    server = await startTestServer({ seed: 221 });
    const { json } = await admin('GET', '/__admin/tenants/pk_live_view');
    expect(json).toMatchObject({ key: 'pk_live_view', scenario: 'default', credits: 1000, revoked: false });
    expect(json.lists.map((list: { id: string; leadCount: number }) => [list.id, list.leadCount])).toEqual([
      ['list_prospects', 25],
      ['list_accounts', 10],
    ]);
    expect(json.lists[0].leadIds).toHaveLength(25);
    expect(json.catalog.map((entry: { slug: string }) => entry.slug)).toEqual([
      'work_email',
      'phone_number',
      'website_overview',
      'hiring_status',
    ]);
    expect((await admin('GET', '/__admin/tenants/pk_live_view?scenario=nope')).status).toBe(404);
    expect((await admin('GET', '/__admin/tenants/pk_live_view?scenario=cancel-race')).json.scenario).toBe(
      'cancel-race',
    );
  });

  it('changes credits and revokes a key: the vendors answer 402 and then 401', async () => {
    server = await startTestServer({ seed: 222 });
    expect((await admin('PUT', '/__admin/tenants/pk_live_poor', { body: { credits: 0 } })).json.credits).toBe(
      0,
    );
    expect(
      (await server.call('POST', '/api/enrichment', { headers: PUFFLE('pk_live_poor'), body: LIST_RUN }))
        .status,
    ).toBe(402);
    expect(
      (await admin('PUT', '/__admin/tenants/pk_live_poor', { body: { revoked: true } })).json.revoked,
    ).toBe(true);
    expect((await server.call('GET', '/api/enrichments', { headers: PUFFLE('pk_live_poor') })).status).toBe(
      401,
    );
    expect((await admin('PUT', '/__admin/tenants/pk_live_poor', { body: {} })).status).toBe(400);
  });
});

describe('control API: journal', () => {
  it('records every exchange with vendor, scenario, tenant, virtual and wall time, and filters them', async () => {
    server = await startTestServer({ seed: 230 });
    server.virtual().advance(2_000);
    await server.call('GET', '/api/enrichments', { headers: PUFFLE('pk_live_j') });
    await server.call('GET', '/v1/leads?limit=1&limit=2', { headers: { 'x-api-key': 'sk_j' } });
    await server.call('GET', '/nowhere');
    await admin('GET', '/__admin/clock');
    const { json } = await admin('GET', '/__admin/journal');
    expect(json.entries.map((entry: { vendor: string }) => entry.vendor)).toEqual([
      'puffle',
      'sendkit',
      'unknown',
      'admin',
    ]);
    expect(json.entries[0]).toMatchObject({
      seq: 1,
      scenario: 'default',
      tenant: 'pk_live_j',
      virtualTime: '2026-01-05T09:00:02.000Z',
      response: { status: 200 },
    });
    expect(json.entries[1].request.query).toEqual({ limit: ['1', '2'] });
    expect(json.entries[2].response).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(json).toMatchObject({ dropped: 0, limit: 10_000 });
    expect((await admin('GET', '/__admin/journal?vendor=sendkit')).json.entries).toHaveLength(1);
    expect((await admin('GET', '/__admin/journal?tenant=pk_live_j')).json.entries).toHaveLength(1);
    expect(
      (await admin('GET', '/__admin/journal?limit=2')).json.entries.map(
        (entry: { vendor: string }) => entry.vendor,
      ),
    ).toEqual(['admin', 'admin']);
  });

  it('exports HAR 1.2 with the recording context in custom fields', async () => {
    server = await startTestServer({ seed: 231 });
    await server.call('POST', '/api/enrichment', { headers: PUFFLE('pk_live_h'), body: LIST_RUN });
    const { json } = await admin('GET', '/__admin/journal?format=har');
    expect(json.log).toMatchObject({ creator: { version: '0.0.0-test' }, _scenario: 'default', _seed: 231 });
    const [entry] = json.log.entries;
    expect(entry.request).toMatchObject({
      method: 'POST',
      url: `${server.url}/api/enrichment`,
      postData: { mimeType: 'application/json', text: JSON.stringify(LIST_RUN) },
    });
    expect(entry.response).toMatchObject({
      status: 200,
      statusText: 'OK',
      content: { mimeType: 'application/json' },
    });
    expect(entry).toMatchObject({
      _vendor: 'puffle',
      _tenant: 'pk_live_h',
      _virtualTime: '2026-01-05T09:00:00.000Z',
    });
  });

  it('drops the oldest entries past the limit, and clearing zeroes the dropped count', async () => {
    server = await startTestServer({ seed: 232, journalLimit: 2 });
    for (let i = 0; i < 4; i++) await server.call('GET', '/nowhere');
    expect((await admin('GET', '/__admin/journal')).json).toMatchObject({ dropped: 2, limit: 2 });
    expect((await admin('DELETE', '/__admin/journal')).json).toEqual({ cleared: 2 });
    const after = (await admin('GET', '/__admin/journal')).json;
    expect(after.dropped).toBe(0);
    expect(after.entries[0]).toMatchObject({ request: { method: 'DELETE', path: '/__admin/journal' } });
  });
});
