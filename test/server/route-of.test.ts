import { afterEach, describe, expect, it } from 'vitest';
import { routeOf } from '../../src/server/route-of.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';

const CASES: [method: string, path: string, want: ReturnType<typeof routeOf>][] = [
  ['GET', '/api/enrichment/run_1', { vendor: 'puffle', operation: 'puffleGetEnrichmentRun' }],
  ['POST', '/v1/enrichment/enrich', { vendor: 'sendkit', operation: 'sendkitEnrichLeads' }],
  ['GET', '/v1/nothing-here', { vendor: 'sendkit', operation: null }],
  ['GET', '/websets/v0/websets', { vendor: 'exa', operation: 'exaListWebsets' }],
  ['GET', '/__admin/clock', { vendor: 'admin', operation: 'adminGetClock' }],
  ['DELETE', '/api/enrichments', { vendor: 'puffle', operation: null }],
  ['GET', '/api', { vendor: 'unknown', operation: null }],
  ['GET', '/__adminx', { vendor: 'unknown', operation: null }],
  ['GET', '/nope', { vendor: 'unknown', operation: null }],
];

let server: TestServer | undefined;
afterEach(async () => server?.close());

describe('routeOf', () => {
  it.each(CASES)('routes %s %s by the OpenAPI documents', (method, path, want) => {
    expect(routeOf(method, path)).toEqual(want);
  });

  it('names the vendor and operation the server journals for the same requests', async () => {
    server = await startTestServer({ seed: 311 });
    for (const [method, path] of CASES) await server.call(method, path);
    const journalled = server.runtime.journal
      .entries()
      .map(({ vendor, operation, request }) => [request.method, request.path, { vendor, operation }]);
    expect(journalled).toEqual(CASES.map(([method, path]) => [method, path, routeOf(method, path)]));
  });
});
