import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAnswers, firstDifference } from '../../src/server/replay/compare-answers.js';
import { readHar } from '../../src/server/replay/read-har.js';
import { replaySession } from '../../src/server/replay/replay-session.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';

const SCENARIO = `
extends: default
name: replay-test
description: Every kind of fault, to check that a replay reproduces them.
faults:
  - { name: reset, match: { operation: puffleListEnrichments, nth: [1] }, effect: { transport: reset } }
  - { name: truncate, match: { operation: sendkitListLeads, nth: [1] }, effect: { transport: truncate } }
  - { name: garbage, match: { operation: exaListWebsets, nth: [1] }, effect: { transport: garbage } }
  - { name: limited, match: { operation: puffleGetEnrichmentRun, every: 2 }, effect: { status: 429, retryAfter: 2s } }
  - { name: slow, match: { operation: exaListWebsets, nth: [2] }, effect: { latency: 20ms } }
`;

const PUFFLE = { authorization: 'Bearer pk_live_replay' };
const SENDKIT = { 'x-api-key': 'sk_replay' };
const EXA = { 'x-api-key': 'exa_replay' };

let dir: string;
let file: string;
let server: TestServer;
let har: string;

/** A session with every kind of answer: faults, vendor calls, control API calls and an unknown path. */
async function record(): Promise<string> {
  server = await startTestServer({ scenario: file, seed: 401 });
  await fetch(`${server.url}/api/enrichments`, { headers: PUFFLE }).catch(() => 'reset');
  await server.call('GET', '/api/enrichments', { headers: PUFFLE });
  await server.call('GET', '/v1/leads?limit=3', { headers: SENDKIT });
  const leads = await server.call('GET', '/v1/leads?limit=3', { headers: SENDKIT });
  await server.call('POST', '/v1/enrichment/enrich', {
    headers: SENDKIT,
    body: {
      leadIds: leads.json.data.leads.map((lead: { id: string }) => lead.id),
      enrichmentTypes: ['email'],
    },
  });
  await server.call('GET', '/websets/v0/websets', { headers: EXA });
  await server.call('GET', '/websets/v0/websets', { headers: EXA });
  const created = await server.call('POST', '/api/enrichment', {
    headers: PUFFLE,
    body: { enrichmentId: 'work_email', scope: { type: 'list', listId: 'list_prospects' }, input: {} },
  });
  const runId: string = created.json.enrichmentRunId;
  await server.call('GET', `/api/enrichment/${runId}`, { headers: PUFFLE });
  await server.call('POST', '/__admin/clock/advance', { body: { ms: 2_000 } });
  await server.call('GET', `/api/enrichment/${runId}`, { headers: PUFFLE });
  await server.call('GET', `/api/enrichment/${runId}`, { headers: PUFFLE });
  await server.call('PUT', '/__admin/tenants/pk_live_replay', { body: { credits: 0 } });
  await server.call('POST', '/api/enrichment', {
    headers: PUFFLE,
    body: { enrichmentId: 'work_email', scope: { type: 'list', listId: 'list_prospects' }, input: {} },
  });
  await server.call('GET', '/__admin/runs');
  await server.call('GET', '/__admin/health');
  await server.call('GET', '/nowhere');
  const exported = await server.call('GET', '/__admin/journal?format=har');
  await server.close();
  return exported.text;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'enrichment-mock-replay-'));
  file = join(dir, 'replay-test.yaml');
  writeFileSync(file, SCENARIO);
  har = await record();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('replay', () => {
  it('replays a recorded session, faults and control API calls included, with no differences', async () => {
    const read = readHar(har);
    if (!read.ok) throw new Error(read.message);
    expect(read.session.exchanges.map((exchange) => exchange.response.status)).toEqual(
      expect.arrayContaining([0, 200, 502, 429, 402, 404]),
    );
    const report = await replaySession(read.session);
    expect(report).toMatchObject({ ok: true, scenario: 'replay-test', seed: 401, skipped: 1, warnings: [] });
    expect(report.ok && report.differences).toEqual([]);
    expect(report.ok && report.replayed).toBe(read.session.exchanges.length - 1);
  });

  it('resolves X-Mock-Scenario names as the server did: a scenario file it had loaded', async () => {
    server = await startTestServer({ seed: 403 });
    // Loading the file through the control API registers it; the server then goes back to the default.
    await server.call('PUT', '/__admin/scenario', { body: { name: file } });
    await server.call('PUT', '/__admin/scenario', { body: { name: 'default' } });
    const missing = await server.call('GET', '/api/enrichment/run_missing', {
      headers: { ...PUFFLE, 'x-mock-scenario': 'replay-test' },
    });
    expect(missing.status).toBe(404);
    const exported = await server.call('GET', '/__admin/journal?format=har');
    await server.close();
    const read = readHar(exported.text);
    if (!read.ok) throw new Error(read.message);
    const report = await replaySession(read.session);
    expect(report.ok && report.differences).toEqual([]);
  });

  it('reports the differences when replayed with another seed', async () => {
    const read = readHar(har);
    if (!read.ok) throw new Error(read.message);
    const report = await replaySession(read.session, { seed: 402 });
    expect(report.ok && report.differences.length).toBeGreaterThan(0);
  });

  it('warns when the journal had dropped entries or ran on a real clock', async () => {
    const data = JSON.parse(har) as { log: { _dropped: number; _clock: string; entries: unknown[] } };
    data.log._dropped = 3;
    data.log._clock = 'real';
    data.log.entries = [];
    const read = readHar(JSON.stringify(data));
    if (!read.ok) throw new Error(read.message);
    const report = await replaySession(read.session);
    expect(report.ok && report.warnings).toEqual([
      expect.stringContaining('real clock'),
      expect.stringContaining('dropped 3'),
    ]);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['no entries', '{"log":{}}', /no log\.entries/],
    [
      'an entry without a request',
      '{"log":{"entries":[{"response":{"status":200}}]}}',
      /entries\[0\] has no request/,
    ],
    [
      'a status that is not a number',
      '{"log":{"entries":[{"request":{"method":"GET","url":"/x"},"response":{"status":"200"}}]}}',
      /status must be a number/,
    ],
  ])('refuses a HAR file with %s', (_name, text, message) => {
    const read = readHar(text);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(message);
  });
});

describe('compareAnswers', () => {
  const answer = (
    status: number,
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) => ({ status, headers, body });

  it.each([
    [
      'the same answer, ids and dates aside',
      answer(200, '{"a":1}', { 'content-type': 'application/json', 'x-request-id': 'a', date: 'x' }),
      answer(200, '{"a":1}', { 'content-type': 'application/json', 'x-request-id': 'b' }),
      [],
    ],
    ['a status', answer(200, '{}'), answer(201, '{}'), ['status: recorded 200, replayed 201']],
    ['no response', answer(0, '', {}), null, []],
    [
      'a missing response',
      answer(200, '{}'),
      null,
      [
        'status: recorded 200, replayed no response',
        'header content-type: recorded "application/json", replayed (absent)',
        'body: recorded "{}", replayed ""',
      ],
    ],
    [
      'Retry-After',
      answer(429, '{}', { 'content-type': 'application/json', 'retry-after': '2' }),
      answer(429, '{}'),
      ['header retry-after: recorded "2", replayed (absent)'],
    ],
    [
      'a JSON field',
      answer(200, '{"run":{"status":"running"}}'),
      answer(200, '{"run":{"status":"completed"}}'),
      ['body at /run/status: recorded "running", replayed "completed"'],
    ],
    [
      'key order only',
      answer(200, '{"a":1,"b":2}'),
      answer(200, '{"b":2,"a":1}'),
      ['body: same JSON, different bytes (key order or formatting)'],
    ],
    [
      'text bodies',
      answer(502, '<html>a</html>'),
      answer(502, '<html>b</html>'),
      ['body: recorded "<html>a</html>", replayed "<html>b</html>"'],
    ],
  ])('compares %s', (_name, recorded, replayed, want) => {
    expect(compareAnswers(recorded, replayed)).toEqual(want);
  });

  it('locates the first difference inside arrays with a JSON pointer', () => {
    expect(
      firstDifference({ items: [{ id: 'a/b' }, { id: 2 }] }, { items: [{ id: 'a/b' }, { id: 3 }] }),
    ).toEqual({ pointer: '/items/1/id', recorded: 2, replayed: 3 });
    expect(firstDifference({ 'a/b': [1] }, { 'a/b': [1, 2] })).toEqual({
      pointer: '/a~1b/1',
      recorded: undefined,
      replayed: 2,
    });
  });
});
