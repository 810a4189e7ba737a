import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHILD_PROCESS_TIMEOUT, killAll, startServe, type ServeProcess } from './support/cli-process.js';

/** One transport fault per operation, so each test picks its fault by the call it makes. */
const SCENARIO = `
extends: default
name: transport-test
description: One transport fault per operation, plus a slow call, for the server's end-to-end tests.
faults:
  - name: reset-first-catalog-call
    match: { vendor: puffle, operation: puffleListEnrichments, nth: [1] }
    effect: { transport: reset }
  - name: hang-later-catalog-calls
    match: { vendor: puffle, operation: puffleListEnrichments, nth: [2, 3] }
    effect: { transport: hang }
  - name: truncate-leads
    match: { vendor: sendkit, operation: sendkitListLeads }
    effect: { transport: truncate }
  - name: garbage-websets
    match: { vendor: exa, operation: exaListWebsets }
    effect: { transport: garbage }
  - name: slow-job-reads
    match: { vendor: sendkit, operation: sendkitGetEnrichmentJob }
    effect: { latency: 1500ms }
`;

const TOKEN = 'e2e-admin-token';
const PUFFLE = { authorization: 'Bearer pk_live_transport' };
const SENDKIT = { 'x-api-key': 'sk_transport' };
const EXA = { 'x-api-key': 'exa_transport' };
const ADMIN = { authorization: `Bearer ${TOKEN}` };

describe('serve: transport faults, admin token, journal bound and shutdown over real sockets', () => {
  let dir: string;
  let server: ServeProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'enrichment-mock-e2e-'));
    const file = join(dir, 'transport-test.yaml');
    writeFileSync(file, SCENARIO);
    server = await startServe([
      '--clock',
      'virtual',
      '--scenario',
      file,
      '--admin-token',
      TOKEN,
      '--journal-limit',
      '3',
      '--log-level',
      'debug',
    ]);
  }, CHILD_PROCESS_TIMEOUT);

  afterAll(async () => {
    await killAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resets the connection: fetch rejects', async () => {
    await expect(fetch(`${server.url}/api/enrichments`, { headers: PUFFLE })).rejects.toThrow();
  });

  it('truncates the body: the response is cut and is not valid JSON', async () => {
    const response = await fetch(`${server.url}/v1/leads?limit=5`, { headers: SENDKIT });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('answers garbage: a 502 HTML page where JSON was expected', async () => {
    const response = await fetch(`${server.url}/websets/v0/websets`, { headers: EXA });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toContain('502 Bad Gateway');
  });

  it('hangs: no answer until the client gives up', async () => {
    const started = performance.now();
    const hung = fetch(`${server.url}/api/enrichments`, {
      headers: PUFFLE,
      signal: AbortSignal.timeout(400),
    });
    await expect(hung).rejects.toThrow(/aborted|timeout/i);
    expect(performance.now() - started).toBeGreaterThanOrEqual(350);
  });

  it('refuses the control API without the admin token, answers with it, and answers health without it', async () => {
    const missing = await fetch(`${server.url}/__admin/clock`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    const wrong = await fetch(`${server.url}/__admin/clock`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect((await fetch(`${server.url}/__admin/clock`, { headers: ADMIN })).status).toBe(200);
    const health = await fetch(`${server.url}/__admin/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      scenario: 'transport-test',
      clock: { mode: 'virtual', speed: 0 },
    });
  });

  it('keeps the journal within --journal-limit and counts what it dropped', async () => {
    const response = await fetch(`${server.url}/__admin/journal`, { headers: ADMIN });
    const journal = (await response.json()) as {
      entries: { request: { path: string; headers: Record<string, string> } }[];
      dropped: number;
      limit: number;
    };
    expect(journal.limit).toBe(3);
    expect(journal.entries).toHaveLength(3);
    expect(journal.dropped).toBeGreaterThanOrEqual(4);
    const tokenSeen = journal.entries.some((entry) => JSON.stringify(entry.request.headers).includes(TOKEN));
    expect(tokenSeen).toBe(false);
  });

  it('on SIGTERM finishes the in-flight request, drops a hanging one, and exits 0', async () => {
    const hanging = fetch(`${server.url}/api/enrichments`, { headers: PUFFLE }).then(
      () => 'answered',
      () => 'dropped',
    );
    const slow = fetch(`${server.url}/v1/enrichment/jobs/bulk_email_verification_1_abcdefg`, {
      headers: SENDKIT,
    });
    await server.waitForLine(/\/v1\/enrichment\/jobs\/.*"msg":"request received"/);
    await server.waitForLine(/"faults":\[\{"rule":"hang-later-catalog-calls","kind":"hang"\}\]/, 2);
    server.child.kill('SIGTERM');
    const answered = await slow;
    expect(answered.status).toBe(404);
    expect(await answered.json()).toMatchObject({ success: false });
    expect(await hanging).toBe('dropped');
    expect(await server.exited).toBe(0);
    expect(server.stdout()).toMatch(/"signal":"SIGTERM","msg":"shutting down"/);
  });
});
