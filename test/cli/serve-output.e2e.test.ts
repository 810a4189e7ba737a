import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHILD_PROCESS_TIMEOUT,
  killAll,
  startServe,
  type ServeProcess,
} from '../server/support/cli-process.js';
import { writeTempFile } from '../support/temp-files.js';

/** A 429 on every Puffle catalog call, after a short wait, and a reset on Exa's webset list. */
const SCENARIO = `
extends: default
name: logged-faults
description: Faults whose rules the log names.
faults:
  - name: slow-catalog
    match: { vendor: puffle, operation: puffleListEnrichments }
    effect: { latency: 20ms }
  - name: catalog-rate-limited
    match: { vendor: puffle, operation: puffleListEnrichments }
    effect: { status: 429, message: "Slow down, please." }
  - name: websets-reset
    match: { vendor: exa, operation: exaListWebsets }
    effect: { transport: reset }
`;

const PUFFLE = { authorization: 'Bearer pk_live_logs' };
const SENDKIT = { 'x-api-key': 'sk_logs' };

/** The JSON request lines logged so far for `path`. */
const requestLines = (server: ServeProcess, path: string): Record<string, unknown>[] =>
  server
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line['msg'] === 'request' && line['path'] === path);

const file = writeTempFile('logged-faults.yaml', SCENARIO);
afterAll(killAll);

describe('serve on a virtual clock, logging JSON', { timeout: CHILD_PROCESS_TIMEOUT }, () => {
  let server: ServeProcess;
  beforeAll(async () => {
    server = await startServe(['--clock', 'virtual', '--scenario', file, '--log-format', 'json']);
    await server.waitForLine(/^ {4}curl /);
  }, CHILD_PROCESS_TIMEOUT);

  it('prints a banner: the three vendor base URLs, the control API, the dashboard (served), the scenario, the clock and a working tenant command', async () => {
    const { url } = server;
    const lines = server.stdout().split('\n');
    const at = (label: string) => lines.find((line) => line.trimStart().startsWith(label));
    expect(lines[0]).toBe(`enrichment-mock listening on ${url} (scenario: logged-faults, clock: virtual)`);
    expect(at('Puffle')).toMatch(new RegExp(`^  Puffle +${url}/api$`));
    expect(at('Sendkit')).toMatch(new RegExp(`^  Sendkit +${url}/v1$`));
    expect(at('Exa Websets')).toContain(`${url}/websets/v0`);
    expect(at('Control API')).toMatch(new RegExp(`^  Control API +${url}/__admin$`));
    expect(at('Dashboard')).toMatch(new RegExp(`^  Dashboard +${url}/__admin/ui$`));
    const dashboard = await fetch(`${url}/__admin/ui`);
    expect([dashboard.status, dashboard.headers.get('content-type')]).toEqual([
      200,
      'text/html; charset=utf-8',
    ]);
    expect(at('Scenario')).toMatch(
      /^ {2}Scenario +logged-faults \(from .*logged-faults\.yaml\): Faults whose rules the log names\.$/,
    );
    expect(at('Clock')).toMatch(
      /^ {2}Clock +virtual, at 2026-01-05T09:00:00\.000Z; moves only on POST .*\/__admin\/clock\/advance$/,
    );
    const command = at('curl ');
    expect(command).toMatch(new RegExp(`^ {4}curl ${url}/__admin/tenants/\\S+$`));
    // The command works and shows the tenant's lists and their lead ids.
    const tenant = (await (await fetch(command?.trim().slice('curl '.length) ?? '')).json()) as {
      lists: { id: string; leadIds: string[] }[];
    };
    expect(tenant.lists.length).toBeGreaterThan(0);
    expect(tenant.lists[0]?.leadIds.length).toBeGreaterThan(0);
  });

  it('logs a request line with the error code and message, and every injected fault by rule and kind', async () => {
    expect((await fetch(`${server.url}/api/enrichments`, { headers: PUFFLE })).status).toBe(429);
    expect((await fetch(`${server.url}/v1/enrichment/jobs/job_missing`, { headers: SENDKIT })).status).toBe(
      404,
    );
    await expect(
      fetch(`${server.url}/websets/v0/websets`, { headers: { 'x-api-key': 'exa_logs' } }),
    ).rejects.toThrow();
    await server.waitForLine(/"path":"\/websets\/v0\/websets"/);

    expect(requestLines(server, '/api/enrichments')).toEqual([
      {
        level: 'warn',
        time: expect.stringMatching(/Z$/),
        msg: 'request',
        requestId: expect.stringMatching(/^req_/),
        method: 'GET',
        path: '/api/enrichments',
        status: 429,
        vendor: 'puffle',
        operation: 'puffleListEnrichments',
        scenario: 'logged-faults',
        tenant: 'pk_live_logs',
        durationMs: expect.any(Number),
        error: { code: expect.any(String), message: 'Slow down, please.' },
        faults: [
          { rule: 'slow-catalog', kind: 'latency 20ms' },
          { rule: 'catalog-rate-limited', kind: '429' },
        ],
      },
    ]);
    expect(requestLines(server, '/v1/enrichment/jobs/job_missing')).toMatchObject([
      { level: 'info', status: 404, error: { code: expect.any(String), message: expect.any(String) } },
    ]);
    expect(requestLines(server, '/v1/enrichment/jobs/job_missing')[0]).not.toHaveProperty('faults');
    expect(requestLines(server, '/websets/v0/websets')).toMatchObject([
      { level: 'warn', status: 0, faults: [{ rule: 'websets-reset', kind: 'reset' }] },
    ]);
  });
});

describe(
  'serve on a fast real clock with an admin token, logging pretty lines',
  { timeout: CHILD_PROCESS_TIMEOUT },
  () => {
    let server: ServeProcess;
    beforeAll(async () => {
      server = await startServe([
        '--scenario',
        file,
        '--speed',
        '60',
        '--admin-token',
        'secret-token',
        '--log-format',
        'pretty',
      ]);
      await server.waitForLine(/^ {4}curl /);
    }, CHILD_PROCESS_TIMEOUT);

    it('prints the clock speed, and a tenant command with the token header but not the token', () => {
      const out = server.stdout();
      expect(out).toMatch(/^ {2}Clock +real, 60 times faster than the wall clock$/m);
      expect(out).toMatch(
        /^ {4}curl -H 'Authorization: Bearer <your --admin-token>' http:\/\/\S+\/__admin\/tenants\//m,
      );
      expect(out).not.toContain('secret-token');
    });

    it('logs one readable line per request', async () => {
      await fetch(`${server.url}/api/enrichments`, { headers: PUFFLE });
      const line = await server.waitForLine(/ 429 GET \/api\/enrichments /);
      expect(line).toMatch(
        /^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: 429 GET \/api\/enrichments [\d.]+ms puffle puffleListEnrichments pk_live_logs req_\S+ \S+: Slow down, please\. \[fault slow-catalog: latency 20ms\] \[fault catalog-rate-limited: 429\]$/,
      );
    });
  },
);
