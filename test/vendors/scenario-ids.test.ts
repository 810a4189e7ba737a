import { describe, expect, it } from 'vitest';
import { createWebset, EMAIL, exaSetup, websetBody } from './exa/exa-api.js';
import { listRun, puffleSetup } from './puffle/puffle-api.js';
import { sendkitClient, startJob } from './sendkit/sendkit-api.js';
import { createHarness } from '../support/mock-harness.js';

const OTHER = { 'x-mock-scenario': 'happy-path-fast' };
const HINT = /exists under scenario "happy-path-fast".*X-Mock-Scenario: happy-path-fast/;

// Ids are seeded per scenario: the first run of a key under two scenarios gets two ids, and a 404 for an
// id of the other scenario says where it lives.
describe('ids across scenarios', () => {
  it('puffle: distinct run ids, and a 404 naming the scenario and header of the id', async () => {
    const { client } = puffleSetup('default', 351);
    const body = listRun('work_email', 'list_prospects');
    const other = (await client.call('POST', '/api/enrichment', { body, headers: OTHER })).json;
    const own = (await client.create(body)).json;
    expect(other.enrichmentRunId).not.toBe(own.enrichmentRunId);
    const missed = await client.get(other.enrichmentRunId);
    expect([missed.status, missed.json.code]).toEqual([404, 'not_found']);
    expect(missed.json.error).toMatch(HINT);
    expect((await client.get('no-such-run')).json.error).not.toMatch(/scenario/);
  });

  it('sendkit: distinct job ids, and a 404 naming the scenario and header of the id', async () => {
    const harness = createHarness({ scenario: 'default', seed: 352 });
    const client = sendkitClient(harness, 'sk_scenarios');
    const own = await startJob(client);
    const [lead] = (await client.leads({ limit: 1 })).json.data.leads as { id: string }[];
    const other = (
      await client.call('POST', '/v1/enrichment/enrich', {
        body: { leadIds: [lead?.id], enrichmentTypes: ['email'] },
        headers: OTHER,
      })
    ).json.data.jobs[0].jobId as string;
    expect(other).not.toBe(own);
    const missed = await client.job(other);
    expect([missed.status, missed.json.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(missed.json.error.message).toMatch(/^Job not found or expired\. /);
    expect(missed.json.error.message).toMatch(HINT);
  });

  it('exa: distinct Webset ids, and a 404 naming the scenario and header of the id', async () => {
    const { client } = exaSetup('default', 353);
    const own = await createWebset(client, websetBody(2, [EMAIL]));
    const other = (await client.call('POST', '/websets', { body: websetBody(2, [EMAIL]), headers: OTHER }))
      .json;
    expect(other.id).not.toBe(own.id);
    expect(other.enrichments[0].id).not.toBe(own.enrichments[0]?.id);
    const missed = await client.getEnrichment(other.id, other.enrichments[0].id);
    expect([missed.status, missed.json.tag]).toEqual([404, 'NOT_FOUND']);
    expect(missed.json.error).toMatch(HINT);
  });
});
