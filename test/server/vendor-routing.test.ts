import { afterEach, describe, expect, it } from 'vitest';
import { scenarioWithFaults } from '../support/scenario-variants.js';
import { isDashboardTarget } from '../../src/server/serve-dashboard.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';

const PUFFLE = { authorization: 'Bearer pk_live_routing' };
const EXA = { 'x-api-key': 'exa_routing' };

let server: TestServer;
afterEach(async () => server?.close());

describe('server routing', () => {
  it.each(['/nope', '/api', '/v2/enrichment', '/__adminx'])(
    'answers %s with a JSON 404 and journals it as unknown',
    async (path) => {
      server = await startTestServer({ seed: 301 });
      const response = await server.call('GET', path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.json.error).toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining('/websets/v0'),
      });
      expect(server.runtime.journal.entries().at(-1)).toMatchObject({ vendor: 'unknown', request: { path } });
    },
  );

  it('answers the vendors under their own paths on one port', async () => {
    server = await startTestServer({ seed: 302 });
    expect((await server.call('GET', '/api/enrichments', { headers: PUFFLE })).status).toBe(200);
    expect((await server.call('GET', '/v1/leads', { headers: { 'x-api-key': 'sk_routing' } })).status).toBe(
      200,
    );
    expect((await server.call('GET', '/websets/v0/websets', { headers: EXA })).status).toBe(200);
    expect((await server.call('GET', '/API/enrichments', { headers: PUFFLE })).status).toBe(404);
  });

  it('honours an incoming X-Request-Id, and numbers requests that have none', async () => {
    server = await startTestServer({ seed: 303 });
    const mine = await server.call('GET', '/websets/v0/websets/ws_missing', {
      headers: { ...EXA, 'x-request-id': 'req_from_client' },
    });
    expect(mine.headers.get('x-request-id')).toBe('req_from_client');
    expect(mine.json.requestId).toBe('req_from_client');
    const generated = await server.call('GET', '/__admin/clock');
    expect(generated.headers.get('x-request-id')).toMatch(/^req_[0-9a-z]{8}$/);
  });

  it.each([
    ['with a Content-Length', (body: string) => body],
    ['streamed without a length', (body: string) => new Blob([body]).stream()],
  ])(
    'refuses a vendor body over 1 MiB %s with 413 in the vendor shape, and stays up',
    async (_name, toBody) => {
      server = await startTestServer({ seed: 305 });
      const body = JSON.stringify({ enrichmentId: 'work_email', input: {}, pad: 'x'.repeat(1_200_000) });
      const response = await fetch(`${server.url}/api/enrichment`, {
        method: 'POST',
        headers: { ...PUFFLE, 'content-type': 'application/json' },
        body: toBody(body),
        duplex: 'half',
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        error: expect.stringContaining('1048576'),
      });
      const { request } = server.runtime.journal.entries().at(-1) ?? {};
      expect(request?.bodyCut?.reason).toBe('truncated');
      expect(request?.bodyCut?.size).toBeGreaterThan(1_048_576);
      expect(body.startsWith(String(request?.body))).toBe(true);
      expect((await server.call('GET', '/api/enrichments', { headers: PUFFLE })).status).toBe(200);
    },
  );

  it('picks the scenario from X-Mock-Scenario and journals it', async () => {
    server = await startTestServer({ seed: 306 });
    const response = await server.call('GET', '/api/enrichments', {
      headers: { ...PUFFLE, 'x-mock-scenario': 'happy-path-fast' },
    });
    expect(response.status).toBe(200);
    expect(server.runtime.journal.entries().at(-1)).toMatchObject({
      scenario: 'happy-path-fast',
      tenant: 'pk_live_routing',
    });
  });
});

describe('the dashboard beside the vendors', () => {
  it.each([
    ['/__admin/ui', true],
    ['/__admin/ui/', true],
    ['/__admin/ui/app.js?v=1', true],
    ['/__ADMIN/UI/app.js', true],
    ['/__admin/uix', false],
    ['/__admin/journal', false],
    ['/api/enrichment/ui', false],
    ['/', false],
  ])('sends %s to the dashboard: %s', (target, dashboard) => {
    expect(isDashboardTarget(target)).toBe(dashboard);
  });

  it('serves its files under its path in any case, and hands every other request to the same path as the vendors', async () => {
    server = await startTestServer({ seed: 307 });
    const page = await server.call('GET', '/__ADMIN/UI/');
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const missing = await server.call('GET', '/__admin/ui/nope.js');
    expect([missing.status, missing.json.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(server.runtime.journal.entries().at(-1)).toMatchObject({
      vendor: 'admin',
      request: { path: '/__admin/ui/nope.js' },
    });
    const poll = await server.call('GET', '/api/enrichments', { headers: PUFFLE });
    expect(poll.status).toBe(200);
  });
});

describe('server faults decided once, in the server adapter', () => {
  it('passes status faults to the vendor handler, with Retry-After, counting each call once', async () => {
    const scenario = scenarioWithFaults('every-2nd-429', [
      {
        name: 'every-2nd',
        match: { vendor: 'puffle', every: 2 },
        effect: { type: 'status', status: 429, retryAfterSeconds: 3 },
      },
    ]);
    server = await startTestServer({ scenario, seed: 310 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await server.call('GET', '/api/enrichments', { headers: PUFFLE });
      statuses.push(response.status);
      if (response.status === 429) expect(response.headers.get('retry-after')).toBe('3');
    }
    expect(statuses).toEqual([200, 429, 200, 429]);
  });

  it('waits out a latency fault before answering', async () => {
    const scenario = scenarioWithFaults('slow', [
      { name: 'slow', match: { vendor: 'exa' }, effect: { type: 'latency', ms: 300 } },
    ]);
    server = await startTestServer({ scenario, seed: 311 });
    const started = performance.now();
    expect((await server.call('GET', '/websets/v0/websets', { headers: EXA })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('passes a dispatch failure to the operation: the run is recorded as failed', async () => {
    const scenario = scenarioWithFaults('dispatch', [
      {
        name: 'dispatch',
        match: { operation: 'puffleCreateEnrichmentRun' },
        effect: { type: 'dispatch_failure', message: 'Worker queue unavailable' },
      },
    ]);
    server = await startTestServer({ scenario, seed: 312 });
    const response = await server.call('POST', '/api/enrichment', {
      headers: PUFFLE,
      body: { enrichmentId: 'work_email', scope: { type: 'list', listId: 'list_prospects' }, input: {} },
    });
    expect(response.status).toBe(502);
    expect((await server.call('GET', '/__admin/runs')).json.runs).toMatchObject([{ status: 'failed' }]);
  });

  it('answers 500 INTERNAL_ERROR, and stays up, when the exchange fails after its route (here: its log line)', async () => {
    const lines: string[] = [];
    let failNext = true;
    server = await startTestServer({
      seed: 306,
      logTo: {
        write(line) {
          if (failNext && line.includes('"msg":"request"')) {
            failNext = false;
            throw new Error('the log destination is full');
          }
          lines.push(line);
        },
      },
    });
    const failed = await server.call('GET', '/api/enrichments', { headers: PUFFLE });
    expect(failed.status).toBe(500);
    expect(failed.json.error).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect(lines.some((line) => line.includes('request failed outside its route'))).toBe(true);
    expect((await server.call('GET', '/api/enrichments', { headers: PUFFLE })).status).toBe(200);
  });
});
