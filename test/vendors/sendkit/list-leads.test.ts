import { describe, expect, it } from 'vitest';
import { createHarness } from '../../support/mock-harness.js';
import { leadIds, sendkitClient, startJobs, type Schemas, type SendkitClient } from './sendkit-api.js';

type LeadView = Schemas['Lead'];

/** Every lead matching `query`, following the cursor, with the totals each page reported. */
async function walk(
  client: SendkitClient,
  query: Record<string, string | number | boolean>,
): Promise<{ leads: LeadView[]; totals: number[] }> {
  const leads: LeadView[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const response = await client.leads({ ...query, ...(cursor === undefined ? {} : { cursor }) });
    expect(response.status, response.text).toBe(200);
    const { data } = response.json;
    leads.push(...data.leads);
    totals.push(data.pagination.total);
    if (!data.pagination.hasMore) {
      expect(data.pagination.nextCursor).toBeNull();
      return { leads, totals };
    }
    cursor = data.pagination.nextCursor;
    expect(cursor).toBe(data.leads.at(-1).id);
  }
  throw new Error('GET /v1/leads never stopped paginating');
}

describe('sendkit: GET /v1/leads', () => {
  it("lists the workspace's 25 person leads by id ascending, not enriched yet, on one default page", async () => {
    const harness = createHarness({ scenario: 'default', seed: 331 });
    const response = await sendkitClient(harness, 'sk_leads_1').leads();
    const { leads, pagination } = response.json.data;
    expect(pagination).toEqual({ limit: 25, total: 25, hasMore: false, nextCursor: null });
    const ids = leads.map((lead: LeadView) => lead.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids.every((id: string) => /^[0-9a-f]{24}$/.test(id))).toBe(true);
    expect(leads[0]).toMatchObject({
      firstName: expect.any(String),
      lastName: expect.any(String),
      email: expect.stringContaining('@'),
    });
    expect(leads[0]).toMatchObject({
      emailVerified: false,
      emailVerificationResult: null,
      emailVerifiedAt: null,
      segProtected: null,
      segProvider: null,
      espProvider: null,
      phone: null,
      phoneStatus: null,
    });
  });

  it('pages with limit and cursor: 10 + 10 + 5 leads, total 25 on every page, no lead twice', async () => {
    const harness = createHarness({ scenario: 'default', seed: 332 });
    const client = sendkitClient(harness, 'sk_leads_2');
    const { leads, totals } = await walk(client, { limit: 10 });
    expect(totals).toEqual([25, 25, 25]);
    expect(leads.map((lead) => lead.id)).toEqual(await leadIds(client, 25));
  });

  it('shows what the jobs wrote once each item completed: verification, SEG, ESP and phone', async () => {
    const harness = createHarness({ scenario: 'happy-path-fast', seed: 333 });
    const client = sendkitClient(harness, 'sk_leads_3');
    const ids = await leadIds(client, 3);
    await startJobs(client, ids, ['email', 'phoneEnrichment', 'segGateway', 'espDetection']);
    const created = harness.clock.now();
    expect((await client.leads({ emailVerified: true })).json.data.pagination.total).toBe(0);
    harness.clock.advance(1_000);
    const leads: LeadView[] = (await client.leads()).json.data.leads.filter((lead: LeadView) =>
      ids.includes(lead.id),
    );
    expect(leads).toHaveLength(3);
    for (const lead of leads) {
      expect(lead.emailVerified).toBe(true);
      expect(['valid', 'risky', 'invalid', 'unknown']).toContain(lead.emailVerificationResult);
      expect(lead.emailVerifiedAt).toBe(new Date(created + 60).toISOString());
      expect(typeof lead.segProtected).toBe('boolean');
      expect(lead.segProvider === null).toBe(lead.segProtected === false);
      expect(lead.espProvider).toEqual(expect.any(String));
      expect(lead.phone).toEqual(expect.any(String));
      expect(lead.phoneStatus).toBe('found');
      expect(lead.updatedAt).toBe(new Date(created + 60).toISOString());
    }
  });

  it('filters by emailVerified and emailStatus, counting matches across pages', async () => {
    const harness = createHarness({ scenario: 'happy-path-fast', seed: 334 });
    const client = sendkitClient(harness, 'sk_leads_4');
    const ids = await leadIds(client, 25);
    await startJobs(client, ids.slice(0, 12), ['email']);
    harness.clock.advance(1_000);
    const verified = await walk(client, { emailVerified: true, limit: 5 });
    expect(verified.leads.map((lead) => lead.id)).toEqual(ids.slice(0, 12));
    expect(verified.totals).toEqual([12, 12, 12]);
    expect((await client.leads({ emailVerified: false })).json.data.pagination.total).toBe(13);
    const valid = verified.leads.filter((lead) => lead.emailVerificationResult === 'valid');
    const byStatus = await walk(client, { emailStatus: 'valid', limit: 2 });
    expect(byStatus.leads.map((lead) => lead.id)).toEqual(valid.map((lead) => lead.id));
  });

  it('filters by segProtected (never-checked leads match neither value) and by phoneFound', async () => {
    const harness = createHarness({ scenario: 'happy-path-fast', seed: 335 });
    const client = sendkitClient(harness, 'sk_leads_5');
    const ids = await leadIds(client, 25);
    await startJobs(client, ids.slice(0, 10), ['segGateway']);
    await startJobs(client, ids.slice(0, 3), ['phoneEnrichment']);
    harness.clock.advance(1_000);
    const total = async (query: Record<string, boolean>) =>
      (await client.leads(query)).json.data.pagination.total as number;
    expect((await total({ segProtected: true })) + (await total({ segProtected: false }))).toBe(10);
    expect(await total({ phoneFound: true })).toBe(3);
    expect(await total({ phoneFound: false })).toBe(22);
    expect(await total({ phoneFound: true, segProtected: true })).toBeLessThanOrEqual(3);
  });

  it('reports phoneStatus not_found for leads whose phone enrichment failed', async () => {
    const harness = createHarness({ scenario: 'partial-failures', seed: 336 });
    const client = sendkitClient(harness, 'sk_leads_6');
    const [job] = await startJobs(client, await leadIds(client, 25), ['phoneEnrichment']);
    harness.clock.advance(10 * 60_000);
    const { failedCount } = (await client.job(job?.jobId ?? '')).json.data.metadata;
    const leads: LeadView[] = (await client.leads({ phoneFound: false })).json.data.leads;
    expect(failedCount).toBeGreaterThan(0);
    expect(leads).toHaveLength(failedCount);
    expect(leads.every((lead) => lead.phone === null && lead.phoneStatus === 'not_found')).toBe(true);
  });

  it('filters by listId: the person list has every lead, a company list or an unknown id none', async () => {
    const harness = createHarness({ scenario: 'default', seed: 337 });
    const client = sendkitClient(harness, 'sk_leads_7');
    const total = async (listId: string) =>
      (await client.leads({ listId })).json.data.pagination.total as number;
    expect([await total('list_prospects'), await total('list_accounts'), await total('list_nope')]).toEqual([
      25, 0, 0,
    ]);
  });
});
