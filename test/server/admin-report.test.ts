import { afterEach, describe, expect, it } from 'vitest';
import type { CallOptions } from '../support/json-call.js';
import { checkedAdminCall } from './support/admin-call.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';

const PUFFLE = { authorization: 'Bearer pk_live_report' };

let server: TestServer;
afterEach(async () => server?.close());

/** Calls a documented control API path and checks its answer (checkedAdminCall). */
const admin = (method: string, path: string, init: CallOptions = {}) =>
  checkedAdminCall(server, method, path, init, { routed: true });

describe('control API: conformance report and journal count', () => {
  it('answers GET /__admin/report as documented, with findings naming journal entries', async () => {
    server = await startTestServer({ seed: 1731 });
    await server.call('GET', '/api/enrichment/run_missing', { headers: PUFFLE });
    await server.call('GET', '/api/enrichment/run_missing', { headers: PUFFLE });
    const { status, json } = await admin('GET', '/__admin/report');
    expect(status).toBe(200);
    const ids = (await server.call('GET', '/__admin/journal?vendor=puffle')).json.entries.map(
      (entry: { id: string }) => entry.id,
    );
    expect(json.findings).toEqual([
      expect.objectContaining({
        rule: 'retry-on-non-retryable',
        severity: 'warning',
        vendor: 'puffle',
        tenant: 'pk_live_report',
        evidence: ids,
        count: 1,
      }),
    ]);
    expect(json.journal).toMatchObject({ dropped: 0, tenants: { puffle: ['pk_live_report'] } });
    expect(json.rules.map((rule: { id: string }) => rule.id)).toContain('webhook-receiver-failing');
    expect((await admin('GET', '/__admin/report?severity=error')).json.findings).toEqual([]);
    expect((await admin('GET', '/__admin/report?tenant=pk_other')).json.findings).toEqual([]);
  });

  it('refuses an unknown format, vendor or severity with VALIDATION_ERROR', async () => {
    server = await startTestServer({ seed: 1732 });
    for (const query of ['format=xml', 'vendor=acme', 'severity=fatal']) {
      const { status, json } = await admin('GET', `/__admin/report?${query}`);
      expect(status).toBe(400);
      expect(json.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('says in the report when the journal dropped entries', async () => {
    server = await startTestServer({ seed: 1733, journalLimit: 2 });
    for (let i = 0; i < 4; i += 1) await server.call('GET', '/api/enrichments', { headers: PUFFLE });
    const { json } = await admin('GET', '/__admin/report');
    expect(json.journal.dropped).toBeGreaterThan(0);
    expect(json.notice).toMatch(/may be missing/);
  });

  it('counts journal entries by vendor, operation, method, path, status and tenant', async () => {
    server = await startTestServer({ seed: 1734 });
    await server.call('GET', '/api/enrichments', { headers: PUFFLE });
    await server.call('GET', '/api/enrichment/run_missing', { headers: PUFFLE });
    await server.call('GET', '/api/enrichments');
    const count = async (body: unknown) => (await admin('POST', '/__admin/journal/count', { body })).json;
    expect(await count({})).toEqual({ count: 3 });
    expect(await count({ vendor: 'puffle', operation: 'puffleListEnrichments' })).toEqual({ count: 2 });
    expect(await count({ method: 'get', path: '/api/enrichment/run_missing', status: 404 })).toEqual({
      count: 1,
    });
    expect(await count({ tenant: 'pk_live_report', pathPattern: '/api/enrichments?' })).toEqual({ count: 1 });
    expect(await count({ operation: 'puffleListEnrichments', status: 401 })).toEqual({ count: 1 });
  });

  it('refuses a matcher with unknown fields or a broken pathPattern', async () => {
    server = await startTestServer({ seed: 1735 });
    for (const body of [{ verb: 'GET' }, { pathPattern: '(' }, { status: 'ok' }]) {
      const { status, json } = await admin('POST', '/__admin/journal/count', { body });
      expect(status).toBe(400);
      expect(json.error.message).toMatch(/Invalid/);
    }
  });
});
