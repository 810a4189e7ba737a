import { afterEach, describe, expect, it } from 'vitest';
import { EMAIL, websetBody } from '../vendors/exa/exa-api.js';
import { checkedAdminCall } from './support/admin-call.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';
import { listRun } from '../vendors/puffle/puffle-api.js';

const PUFFLE = { authorization: 'Bearer pk_live_timeline' };
const LIST_RUN = listRun('work_email', 'list_prospects');

let server: TestServer;
afterEach(async () => server?.close());

const admin = (method: string, path: string, init: Parameters<TestServer['call']>[2] = {}) =>
  checkedAdminCall(server, method, path, init);

describe('control API: a run timeline', () => {
  it('pages the items with their planned start and end, the progress curve and the vendor ledger', async () => {
    server = await startTestServer({ seed: 1801 });
    const created = await server.call('POST', '/api/enrichment', { headers: PUFFLE, body: LIST_RUN });
    const id = created.json.enrichmentRunId as string;
    const first = await admin('GET', `/__admin/runs/${id}/timeline?limit=10`);
    expect(first.status).toBe(200);
    const { schedule, items, progress, ledger, run } = first.json;
    expect(run).toMatchObject({ id, vendor: 'puffle', status: 'pending' });
    expect(ledger.run.id).toBe(id);
    expect(items).toMatchObject({ from: 0, nextFrom: 10 });
    expect(items.entries).toHaveLength(10);
    expect(items.entries[0]).toMatchObject({ index: 0, status: 'pending', startMs: schedule.startMs });
    expect(progress).toHaveLength(48);
    expect(progress.at(-1).counts.pending).toBe(0);
    expect(progress[0].counts.pending).toBe(run.leadCount);

    const last = await admin('GET', `/__admin/runs/${id}/timeline?from=${run.leadCount - 3}&limit=10`);
    expect(last.json.items).toMatchObject({ from: run.leadCount - 3, nextFrom: null });
    expect(last.json.items.entries.map((item: { index: number }) => item.index)).toEqual([
      run.leadCount - 3,
      run.leadCount - 2,
      run.leadCount - 1,
    ]);
  });

  it("shows each vendor's own read of the run as its ledger: Sendkit's job and Exa's Enrichment", async () => {
    server = await startTestServer({ seed: 1802 });
    const sendkit = { 'x-api-key': 'sk_timeline' };
    const leads = await server.call('GET', '/v1/leads?limit=3', { headers: sendkit });
    const leadIds = leads.json.data.leads.map((lead: { id: string }) => lead.id);
    const jobs = await server.call('POST', '/v1/enrichment/enrich', {
      headers: sendkit,
      body: { leadIds, enrichmentTypes: ['email'] },
    });
    expect(jobs.status).toBe(200);
    const exa = { 'x-api-key': 'exa_timeline' };
    const webset = await server.call('POST', '/websets/v0/websets', {
      headers: exa,
      body: websetBody(5, [EMAIL]),
    });
    const enrichment = webset.json.enrichments[0];

    const runs = (await admin('GET', '/__admin/runs')).json.runs as { id: string; vendor: string }[];
    const ledgerOf = async (vendor: string) => {
      const run = runs.find((candidate) => candidate.vendor === vendor);
      return (await admin('GET', `/__admin/runs/${run?.id ?? ''}/timeline?limit=1`)).json.ledger;
    };
    expect(await ledgerOf('sendkit')).toMatchObject({ success: true, data: { status: 'pending' } });
    expect(await ledgerOf('exa')).toMatchObject({
      id: enrichment.id,
      object: 'webset_enrichment',
      websetId: webset.json.id,
    });
  });

  it('answers 404 with the way to find a run for an unknown id', async () => {
    server = await startTestServer({ seed: 1802 });
    const { status, json } = await admin('GET', '/__admin/runs/nope/timeline');
    expect(status).toBe(404);
    expect(json.error.message).toContain('GET /__admin/runs');
  });
});

describe('control API: advance to the next change', () => {
  it('moves the clock to the first instant a run changes, then refuses once every run has settled', async () => {
    server = await startTestServer({ seed: 1803 });
    expect((await admin('POST', '/__admin/clock/next-change')).status).toBe(409);
    const created = await server.call('POST', '/api/enrichment', { headers: PUFFLE, body: LIST_RUN });
    const id = created.json.enrichmentRunId as string;
    const { schedule } = (await admin('GET', `/__admin/runs/${id}/timeline`)).json;
    const moved = await admin('POST', '/__admin/clock/next-change');
    expect(moved.status).toBe(200);
    expect(moved.json.nowMs).toBe(schedule.startMs);
    server.virtual().advance(schedule.naturalEndMs - schedule.startMs);
    const settled = await admin('POST', '/__admin/clock/next-change');
    expect(settled.status).toBe(409);
    expect(settled.json.error.message).toContain('every run has settled');
  });
});

describe('dashboard files', () => {
  it('serves the page without the admin token and keeps its polls out of the journal', async () => {
    server = await startTestServer({ seed: 1804, adminToken: 'secret-1804' });
    const bare = await fetch(`${server.url}/__admin/ui`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/__admin/ui/']);
    const page = await server.call('GET', '/__admin/ui/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect((await server.call('GET', '/__admin/ui/app.js')).headers.get('content-type')).toContain(
      'javascript',
    );
    const auth = { authorization: 'Bearer secret-1804' };
    expect((await server.call('GET', '/__admin/runs')).status).toBe(401);
    await server.call('GET', '/__admin/runs', { headers: { ...auth, 'x-mock-dashboard': 'poll' } });
    await server.call('GET', '/__admin/clock', { headers: auth });
    const journal = await server.call('GET', '/__admin/journal?vendor=admin', { headers: auth });
    expect(journal.json.entries.map((entry: { operation: string }) => entry.operation)).toEqual([
      'adminListRuns',
      'adminGetClock',
    ]);
  });
});
