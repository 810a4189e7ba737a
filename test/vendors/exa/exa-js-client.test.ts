import { Exa, CreateEnrichmentParametersFormat, type Webset } from 'exa-js';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/support/in-process-server.js';

const TEN_MINUTES = 10 * 60_000;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The official exa-js client against a mock server of its own (real sockets, port 0, virtual clock). */
async function setup(seed: number): Promise<{ exa: Exa; server: TestServer }> {
  server = await startTestServer({ scenario: 'happy-path-fast', seed });
  return { exa: new Exa('exa_official_client', server.url), server };
}

/** What exa-js's Webset type promises beyond the shape: the dashboard link is the Webset's own. */
function expectDashboardUrl(webset: Webset): void {
  expect(webset.dashboardUrl).toBe(`https://websets.exa.ai/websets/${webset.id}`);
}

describe('exa: the official exa-js 2.23.0 client', () => {
  it('creates, gets, lists and cancels a Webset, each Webset with its dashboardUrl', async () => {
    const { exa } = await setup(1401);
    const created = await exa.websets.create({
      search: { query: 'Heads of RevOps at B2B SaaS companies', count: 3, maxPeoplePerCompany: 2 },
      enrichments: [
        { description: 'Work email of this person', format: CreateEnrichmentParametersFormat.email },
      ],
      externalId: 'exa-js-tour',
    });
    expectDashboardUrl(created);
    expect(created.searches.map((search) => search.maxPeoplePerCompany)).toEqual([2]);
    expect(created.enrichments.map((enrichment) => enrichment.status)).toEqual(['pending']);

    const got = await exa.websets.get('exa-js-tour', ['items']);
    expectDashboardUrl(got);
    expect(got.id).toBe(created.id);
    expect(got.items).toHaveLength(3);

    const listed = await exa.websets.list();
    expect(listed.data.map((webset) => webset.id)).toEqual([created.id]);
    listed.data.forEach(expectDashboardUrl);

    const cancelled = await exa.websets.cancel(created.id);
    expectDashboardUrl(cancelled);
    expect(cancelled.status).toBe('idle');
    expect(cancelled.enrichments.map((enrichment) => enrichment.status)).toEqual(['canceled']);
  });

  it('reads Items, Enrichments and Events, and cancels a completed Enrichment harmlessly', async () => {
    const { exa, server: mock } = await setup(1402);
    const webset = await exa.websets.create({
      search: { query: 'Heads of RevOps at B2B SaaS companies', count: 4 },
      enrichments: [
        { description: 'Work email of this person', format: CreateEnrichmentParametersFormat.email },
      ],
    });
    const enrichmentId = webset.enrichments[0]?.id ?? '';
    mock.virtual().advance(TEN_MINUTES);

    expect((await exa.websets.waitUntilIdle(webset.id, { pollInterval: 1 })).status).toBe('idle');
    const items = await exa.websets.items.getAll(webset.id);
    expect(items).toHaveLength(4);
    expect(items.map((item) => item.enrichments?.[0]?.status)).toEqual(items.map(() => 'completed'));
    const completed = await exa.websets.enrichments.get(webset.id, enrichmentId);
    expect(completed.status).toBe('completed');
    expect(await exa.websets.enrichments.cancel(webset.id, enrichmentId)).toEqual(completed);

    const events = await exa.websets.events.getAll();
    const created = events.find((event) => event.type === 'webset.created');
    expect(created?.data).toMatchObject({ id: webset.id, dashboardUrl: webset.dashboardUrl });

    const deleted = await exa.websets.delete(webset.id);
    expectDashboardUrl(deleted);
  });
});
