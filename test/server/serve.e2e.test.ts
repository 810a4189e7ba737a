import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { captureIo } from '../cli/support/capture-io.js';
import {
  CHILD_PROCESS_TIMEOUT,
  killAll,
  runCliCommand,
  startServe,
  type ServeProcess,
} from './support/cli-process.js';

const PUFFLE = { authorization: 'Bearer pk_live_e2e', 'content-type': 'application/json' };
const SENDKIT = { 'x-api-key': 'sk_e2e', 'content-type': 'application/json' };
const EXA = { 'x-api-key': 'exa_e2e', 'content-type': 'application/json' };
const TEN_MINUTES = 10 * 60_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read vendor JSON freely
type Json = any;

describe('serve: the three vendors, the control API and replay, through the real CLI', () => {
  let dir: string;
  let server: ServeProcess;

  const call = async (
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: unknown,
  ): Promise<{ status: number; headers: Headers; json: Json }> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      json: text === '' ? undefined : JSON.parse(text),
    };
  };
  const advance = (ms: number) =>
    call('POST', '/__admin/clock/advance', { 'content-type': 'application/json' }, { ms });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'enrichment-mock-e2e-'));
    server = await startServe(['--clock', 'virtual', '--seed', '11']);
  }, CHILD_PROCESS_TIMEOUT);

  afterAll(async () => {
    await killAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints where it listens, with the scenario and the clock', () => {
    expect(server.stdout()).toMatch(
      /^enrichment-mock listening on http:\/\/127\.0\.0\.1:\d+ \(scenario: default, clock: virtual\)$/m,
    );
    expect(server.url).not.toMatch(/:4010$/);
  });

  it('runs Puffle, Sendkit and Exa enrichments to completion as the virtual clock advances over HTTP', async () => {
    const puffle = await call('POST', '/api/enrichment', PUFFLE, {
      enrichmentId: 'work_email',
      scope: { type: 'list', listId: 'list_prospects' },
      input: {},
    });
    expect(puffle.status).toBe(200);
    const runId: string = puffle.json.enrichmentRunId;
    expect((await call('GET', `/api/enrichment/${runId}`, PUFFLE)).json.run.status).toBe('pending');

    const leads = await call('GET', '/v1/leads?limit=25', SENDKIT);
    expect(leads.status).toBe(200);
    const leadIds = (leads.json.data.leads as { id: string }[]).map((lead) => lead.id);
    const enrich = await call('POST', '/v1/enrichment/enrich', SENDKIT, {
      leadIds,
      enrichmentTypes: ['email'],
    });
    expect(enrich.status).toBe(200);
    const jobId: string = enrich.json.data.jobs[0].jobId;

    const webset = await call('POST', '/websets/v0/websets', EXA, {
      search: {
        query: 'Heads of revenue operations at B2B SaaS companies',
        count: 5,
        entity: { type: 'person' },
      },
      enrichments: [{ description: 'Find the work email address of this person', format: 'email' }],
    });
    expect(webset.status).toBe(201);
    const websetId: string = webset.json.id;
    const enrichmentId: string = webset.json.enrichments[0].id;

    const advanced = await advance(TEN_MINUTES);
    expect(advanced.status).toBe(200);
    expect(advanced.json).toEqual({
      mode: 'virtual',
      now: '2026-01-05T09:10:00.000Z',
      nowMs: Date.parse('2026-01-05T09:10:00.000Z'),
      speed: 0,
    });

    expect((await call('GET', `/api/enrichment/${runId}`, PUFFLE)).json.run.status).toBe('completed');
    const items = await call('GET', `/api/enrichment/${runId}/items?limit=5`, PUFFLE);
    expect(items.json.items).toHaveLength(5);
    expect((await call('GET', `/v1/enrichment/jobs/${jobId}`, SENDKIT)).json.data.status).toBe('completed');
    expect(
      (await call('GET', `/websets/v0/websets/${websetId}/enrichments/${enrichmentId}`, EXA)).json.status,
    ).toBe('completed');
    expect((await call('GET', `/websets/v0/websets/${websetId}/items`, EXA)).json.data).toHaveLength(5);
  });

  it('cancels a running Puffle run and lists the runs of every vendor in the control API', async () => {
    const created = await call('POST', '/api/enrichment', PUFFLE, {
      enrichmentId: 'work_email',
      scope: { type: 'list', listId: 'list_prospects' },
      input: {},
    });
    const runId: string = created.json.enrichmentRunId;
    await advance(1_100);
    const cancelled = await call('POST', `/api/enrichment/${runId}/cancel`, PUFFLE);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.run.status).toBe('cancelled');

    const runs = await call('GET', '/__admin/runs');
    expect(runs.status).toBe(200);
    expect(new Set((runs.json.runs as { vendor: string }[]).map((run) => run.vendor))).toEqual(
      new Set(['puffle', 'sendkit', 'exa']),
    );
    const cancelledRuns = await call('GET', '/__admin/runs?status=cancelled&vendor=puffle');
    expect(cancelledRuns.json.runs).toMatchObject([
      { id: runId, tenant: 'pk_live_e2e', status: 'cancelled', enrichment: 'work_email' },
    ]);
  });

  it('refuses to move the virtual clock backwards with 409', async () => {
    const response = await call(
      'POST',
      '/__admin/clock/advance',
      { 'content-type': 'application/json' },
      { to: '2026-01-05T09:00:00.000Z' },
    );
    expect(response.status).toBe(409);
    expect(response.json.error.code).toBe('CONFLICT');
  });

  it(
    'exports the journal as HAR and replays it with no differences; a tampered HAR fails with the difference',
    async () => {
      const exported = await call('GET', '/__admin/journal?format=har');
      expect(exported.status).toBe(200);
      expect(exported.json.log).toMatchObject({
        version: '1.2',
        creator: { name: 'enrichment-mock' },
        _scenario: 'default',
        _seed: 11,
        _clock: 'virtual',
      });
      const entries = exported.json.log.entries as Json[];
      expect(entries.map((entry) => entry._vendor)).toEqual(
        expect.arrayContaining(['puffle', 'sendkit', 'exa', 'admin']),
      );
      expect(entries.every((entry) => typeof entry._virtualTime === 'string')).toBe(true);
      const file = join(dir, 'session.har');
      writeFileSync(file, JSON.stringify(exported.json));

      const replay = await runCliCommand(['replay', file]);
      expect(replay.stderr).toBe('');
      expect(replay.stdout).toMatch(/replayed \d+ requests .*: no differences/);
      expect(replay.code).toBe(0);

      const tampered: Json = JSON.parse(readFileSync(file, 'utf8'));
      const poll = (tampered.log.entries as Json[]).find(
        (entry) =>
          entry.request.method === 'GET' && entry.response.content.text.includes('"status":"completed"'),
      );
      poll.response.content.text = poll.response.content.text.replace(
        '"status":"completed"',
        '"status":"running"',
      );
      writeFileSync(file, JSON.stringify(tampered));
      // The same command in this process (a second child process would only add start-up time).
      const io = captureIo();
      expect(await runCli(['replay', file], {}, io)).toBe(1);
      expect(io.stdout()).toMatch(
        /difference: entry \d+ GET \S+: body at \S*\/status: recorded "running", replayed "completed"/,
      );
      expect(io.stdout()).toMatch(/: 1 with differences$/m);
    },
    CHILD_PROCESS_TIMEOUT,
  );
});
