import { describe, expect, it } from 'vitest';
import { createEnrichmentMock } from '../../src/mock/create-enrichment-mock.js';
import type { Answer } from './support/answer-check.js';
import { inProcessSender, type Send } from './support/fuzz-runner.js';
import { startHardeningServer } from './support/test-server.js';
import { call } from './support/vendor-fixtures.js';
import { ADMIN_TOKEN, type HeaderMap } from './support/vendor-targets.js';
import { VENDOR_ORIGINS } from '../../src/vendors/registry.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON freely
type Json = any;

function inProcess(seed: number) {
  const mock = createEnrichmentMock({ scenario: 'default', seed });
  return {
    mock,
    puffle: inProcessSender(mock.handlers, VENDOR_ORIGINS.puffle),
    sendkit: inProcessSender(mock.handlers, VENDOR_ORIGINS.sendkit),
    exa: inProcessSender(mock.handlers, VENDOR_ORIGINS.exa),
  };
}

const get = (send: Send, path: string, auth: HeaderMap): Promise<Answer & { json: Json }> =>
  call(send, 'GET', path, auth);
const post = (send: Send, path: string, auth: HeaderMap, body: unknown): Promise<Answer & { json: Json }> =>
  call(send, 'POST', path, auth, body);

/** Every string in a JSON value, for "does B's answer mention any of A's ids" checks. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

describe('tenant isolation', () => {
  it("puffle: another key gets 404 for a run's ledger, items and cancel, and the run is untouched", async () => {
    const { puffle } = inProcess(0x1501);
    const owner = { authorization: 'Bearer pk_live_owner' };
    const other = { authorization: 'Bearer pk_live_other' };
    const run = (
      await call(puffle, 'POST', '/api/enrichment', owner, {
        enrichmentId: 'work_email',
        scope: { type: 'list', listId: 'list_prospects' },
        input: {},
      })
    ).json as Json;
    const before = (await get(puffle, `/api/enrichment/${run.runId}`, owner)).text;
    for (const [method, path] of [
      ['GET', `/api/enrichment/${run.runId}`],
      ['GET', `/api/enrichment/${run.runId}/items`],
      ['POST', `/api/enrichment/${run.runId}/cancel`],
    ] as const) {
      const answer = await call(puffle, method, path, other);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.text).not.toContain('pk_live_owner');
    }
    expect((await get(puffle, `/api/enrichment/${run.runId}`, owner)).text).toBe(before);
  });

  it("sendkit: another workspace gets 404 for a job and its cancel, and never lists the job's leads as its own", async () => {
    const { sendkit } = inProcess(0x1502);
    const owner = { 'x-api-key': 'sk_owner' };
    const other = { 'x-api-key': 'sk_user_platform', 'x-workspace-id': 'ws_other' };
    const leads = (await get(sendkit, '/v1/leads?limit=5', owner)).json.data.leads.map(
      (lead: { id: string }) => lead.id,
    );
    const job = (
      await post(sendkit, '/v1/enrichment/enrich', owner, { leadIds: leads, enrichmentTypes: ['email'] })
    ).json.data.jobs[0].jobId;
    expect((await get(sendkit, `/v1/enrichment/jobs/${job}`, other)).status).toBe(404);
    expect((await call(sendkit, 'POST', `/v1/enrichment/jobs/${job}/cancel`, other)).status).toBe(404);
    expect(
      (
        await call(sendkit, 'POST', '/v1/enrichment/enrich', other, {
          leadIds: leads,
          enrichmentTypes: ['email'],
        })
      ).status,
    ).not.toBe(200);
    expect((await get(sendkit, `/v1/enrichment/jobs/${job}`, owner)).json.data.status).not.toBe('cancelled');
  });

  // Modelling decision (openapi/sendkit.yaml, X-Workspace-Id): a workspace key is its own workspace, and a
  // platform key acts on the workspace it names, so naming a workspace key's workspace reaches its world.
  it('sendkit: lets a platform key act on the workspace it names, and only on that one', async () => {
    const { sendkit } = inProcess(0x1503);
    const owner = { 'x-api-key': 'sk_shared_name' };
    const platform = { 'x-api-key': 'sk_user_platform', 'x-workspace-id': 'sk_shared_name' };
    const leads = (await get(sendkit, '/v1/leads?limit=5', owner)).json.data.leads.map(
      (lead: { id: string }) => lead.id,
    );
    const job = (
      await post(sendkit, '/v1/enrichment/enrich', owner, { leadIds: leads, enrichmentTypes: ['email'] })
    ).json.data.jobs[0].jobId;
    expect((await get(sendkit, `/v1/enrichment/jobs/${job}`, platform)).status).toBe(200);
    const elsewhere = { 'x-api-key': 'sk_user_platform', 'x-workspace-id': 'another_workspace' };
    expect((await get(sendkit, `/v1/enrichment/jobs/${job}`, elsewhere)).status).toBe(404);
  });

  it('exa: another key sees none of the Websets, Items, Enrichments or Events, by id, externalId or list', async () => {
    const { exa } = inProcess(0x1504);
    const owner = { 'x-api-key': 'exa_owner' };
    const other = { 'x-api-key': 'exa_other' };
    const webset = (
      await call(exa, 'POST', '/websets/v0/websets', owner, {
        search: { query: 'CFOs at fintech scale-ups', count: 3, entity: { type: 'person' } },
        enrichments: [{ description: 'Work email', format: 'email' }],
        externalId: 'owner-list',
      })
    ).json as Json;
    const items = (await get(exa, `/websets/v0/websets/${webset.id}/items`, owner)).json.data as {
      id: string;
    }[];
    const events = (await get(exa, '/websets/v0/events', owner)).json.data as { id: string }[];
    const enrichment = webset.enrichments[0].id as string;
    const ownerIds = [
      webset.id,
      enrichment,
      ...items.map((item) => item.id),
      ...events.map((event) => event.id),
    ];
    for (const path of [
      `/websets/v0/websets/${webset.id}`,
      '/websets/v0/websets/owner-list',
      `/websets/v0/websets/${webset.id}/items`,
      `/websets/v0/websets/${webset.id}/items/${items[0]?.id}`,
      `/websets/v0/websets/${webset.id}/enrichments/${enrichment}`,
      `/websets/v0/events/${events[0]?.id}`,
    ])
      expect((await get(exa, path, other)).status, path).toBe(404);
    for (const [method, path] of [
      ['POST', `/websets/v0/websets/${webset.id}/cancel`],
      ['DELETE', `/websets/v0/websets/${webset.id}`],
      ['POST', `/websets/v0/websets/${webset.id}/enrichments/${enrichment}/cancel`],
      ['DELETE', `/websets/v0/websets/${webset.id}/items/${items[0]?.id}`],
    ] as const)
      expect((await call(exa, method, path, other)).status, `${method} ${path}`).toBe(404);
    for (const path of ['/websets/v0/websets', '/websets/v0/events', '/websets/v0/webhooks'])
      expect(
        strings((await get(exa, path, other)).json).filter((value) => ownerIds.includes(value)),
        path,
      ).toEqual([]);
    expect((await get(exa, `/websets/v0/websets/${webset.id}`, owner)).json.status).not.toBe('canceled');
  });

  it("one key used with every vendor keeps each vendor's runs to that vendor", async () => {
    const { puffle, sendkit, exa } = inProcess(0x1505);
    const key = 'sk_everywhere';
    const run = (
      await post(
        puffle,
        '/api/enrichment',
        { authorization: `Bearer ${key}` },
        { enrichmentId: 'work_email', scope: { type: 'list', listId: 'list_prospects' }, input: {} },
      )
    ).json.runId as string;
    expect((await get(sendkit, `/v1/enrichment/jobs/${run}`, { 'x-api-key': key })).status).toBe(404);
    expect(
      (await call(sendkit, 'POST', `/v1/enrichment/jobs/${run}/cancel`, { 'x-api-key': key })).status,
    ).toBe(404);
    expect(strings((await get(exa, '/websets/v0/websets', { 'x-api-key': key })).json)).not.toContain(run);
  });

  it('journal: entries({ tenant }) returns exactly that tenant’s exchanges, of every vendor', async () => {
    const { mock, puffle, sendkit, exa } = inProcess(0x1506);
    const calls: [Send, string, HeaderMap, string][] = [
      [puffle, '/api/enrichments', { authorization: 'Bearer pk_live_a' }, 'pk_live_a'],
      [puffle, '/api/enrichments', { authorization: 'Bearer pk_live_b' }, 'pk_live_b'],
      [sendkit, '/v1/leads', { 'x-api-key': 'sk_a' }, 'sk_a'],
      [sendkit, '/v1/leads', { 'x-api-key': 'sk_user_p', 'x-workspace-id': 'ws_b' }, 'ws_b'],
      [exa, '/websets/v0/websets', { 'x-api-key': 'exa_a' }, 'exa_a'],
      [exa, '/websets/v0/websets', { 'x-api-key': 'exa_b' }, 'exa_b'],
      [puffle, '/api/enrichments', {}, ''],
    ];
    for (let round = 0; round < 3; round += 1)
      for (const [send, path, auth] of calls) await get(send, path, auth);
    for (const [, , auth, tenant] of calls.filter(([, , , tenant]) => tenant !== '')) {
      const entries = mock.journal.entries({ tenant });
      expect(entries, tenant).toHaveLength(3);
      for (const entry of entries) {
        expect(entry.tenant).toBe(tenant);
        for (const [name, value] of Object.entries(auth))
          expect(entry.request.headers[name], tenant).toBe(value);
      }
    }
    expect(mock.journal.entries({ tenant: 'pk_live_nobody' })).toEqual([]);
    expect(mock.journal.entries().filter((entry) => entry.tenant === null)).toHaveLength(3);
  });

  it('control API: /__admin/journal?tenant= and /__admin/runs?tenant= return only that tenant’s exchanges and runs', async () => {
    const server = await startHardeningServer({ seed: 0x1507, adminToken: ADMIN_TOKEN });
    try {
      const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
      const body = {
        enrichmentId: 'work_email',
        scope: { type: 'list', listId: 'list_prospects' },
        input: {},
      };
      for (const key of ['pk_live_a', 'pk_live_b', 'pk_live_a'])
        expect(
          (await call(server.send, 'POST', '/api/enrichment', { authorization: `Bearer ${key}` }, body))
            .status,
        ).toBe(200);
      const journal = (await get(server.send, '/__admin/journal?tenant=pk_live_a', admin)).json;
      expect(journal.entries.map((entry: { tenant: string }) => entry.tenant)).toEqual([
        'pk_live_a',
        'pk_live_a',
      ]);
      expect(strings(journal)).not.toContain('Bearer pk_live_b');
      const runs = (await get(server.send, '/__admin/runs?tenant=pk_live_b', admin)).json;
      expect(strings(runs).filter((value) => value === 'pk_live_a')).toEqual([]);
      expect(JSON.stringify(runs)).toContain('pk_live_b');
    } finally {
      await server.close();
    }
  });
});
