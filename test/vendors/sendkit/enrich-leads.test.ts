import { describe, expect, it } from 'vitest';
import { contextOf, createHarness } from '../../support/mock-harness.js';
import { JOB_ID, leadIds, sendkitClient, startJobs } from './sendkit-api.js';

describe('sendkit: POST /v1/enrichment/enrich', () => {
  it('creates one job per enrichment type, charging each its own price per lead', async () => {
    const harness = createHarness({ scenario: 'default', seed: 301 });
    const client = sendkitClient(harness, 'sk_enrich_1');
    const ids = await leadIds(client, 3);
    const response = await client.enrich({
      leadIds: ids,
      enrichmentTypes: ['email', 'phoneEnrichment', 'segGateway', 'espDetection'],
    });
    expect(response.status).toBe(200);
    expect(response.json.success).toBe(true);
    const { jobs, totalLeads, totalCreditsCharged } = response.json.data;
    expect(
      jobs.map((job: { type: string; creditsUsed: number; totalItems: number; status: string }) => [
        job.type,
        job.creditsUsed,
        job.totalItems,
        job.status,
      ]),
    ).toEqual([
      ['email_verification', 3, 3, 'pending'],
      ['phone_enrichment', 60, 3, 'pending'],
      ['seg_gateway', 0, 3, 'pending'],
      ['esp_detection', 0, 3, 'pending'],
    ]);
    expect(totalLeads).toBe(3);
    expect(totalCreditsCharged).toBe(63);
    expect(contextOf(harness.mock).simulator.tenant('sk_enrich_1').credits).toBe(1_000 - 63);
  });

  it('shapes job ids as bulk_<type>_<epoch ms>_<7 alphanumerics>, all distinct, from the seed and never the clock', async () => {
    const jobIdsAfter = async (wait: number): Promise<{ jobId: string; type: string }[]> => {
      const harness = createHarness({ scenario: 'default', seed: 302 });
      harness.clock.advance(wait);
      const client = sendkitClient(harness, 'sk_enrich_2');
      return startJobs(client, await leadIds(client, 2), [
        'email',
        'phoneEnrichment',
        'segGateway',
        'espDetection',
      ]);
    };
    const jobs = await jobIdsAfter(0);
    for (const job of jobs) expect(JOB_ID.exec(job.jobId)?.[1]).toBe(job.type);
    expect(new Set(jobs.map((job) => job.jobId)).size).toBe(4);
    // The same requests an hour and 7 ms later (as on a real clock) get the same ids: journals replay.
    expect(await jobIdsAfter(3_600_007)).toEqual(jobs);
  });

  it('refuses with 402 INSUFFICIENT_CREDITS and creates and charges nothing when one job of the request is unaffordable', async () => {
    const harness = createHarness({ scenario: 'default', seed: 303 });
    const client = sendkitClient(harness, 'sk_enrich_3');
    const ids = await leadIds(client, 25);
    await startJobs(client, ids, ['email', 'phoneEnrichment']); // 25 + 500 of 1,000 credits
    const response = await client.enrich({ leadIds: ids, enrichmentTypes: ['email', 'phoneEnrichment'] });
    expect(response.status).toBe(402);
    expect(response.json).toEqual({
      success: false,
      error: {
        code: 'INSUFFICIENT_CREDITS',
        message: expect.stringContaining('525 required, 475 available'),
      },
    });
    const simulator = contextOf(harness.mock).simulator;
    expect(simulator.tenant('sk_enrich_3').credits).toBe(475);
    expect(simulator.allRuns()).toHaveLength(2);
  });

  it('still starts free enrichment types for a workspace without credits', async () => {
    const harness = createHarness({ scenario: 'insufficient-credits', seed: 304 });
    const client = sendkitClient(harness, 'sk_enrich_4');
    const ids = await leadIds(client, 5);
    expect((await client.enrich({ leadIds: ids, enrichmentTypes: ['email'] })).status).toBe(402);
    const jobs = await startJobs(client, ids, ['segGateway', 'espDetection']);
    expect(jobs.map((job) => job.creditsUsed)).toEqual([0, 0]);
  });

  it('counts duplicate lead ids once and ignores ids that are not person leads of the workspace', async () => {
    const harness = createHarness({ scenario: 'default', seed: 305 });
    const client = sendkitClient(harness, 'sk_enrich_5');
    const [first, second] = await leadIds(client, 2);
    const simulator = contextOf(harness.mock).simulator;
    const accounts = simulator.tenant('sk_enrich_5').listsById.get('list_accounts');
    const company = accounts ? simulator.leadAt(accounts, 0)?.id : undefined;
    const otherTenant = (await leadIds(sendkitClient(harness, 'sk_enrich_5_other'), 1))[0];
    const response = await client.enrich({
      leadIds: [first, second, first, company, 'ffffffffffffffffffffffff', otherTenant],
      enrichmentTypes: ['email'],
    });
    expect(response.status).toBe(200);
    expect(response.json.data.totalLeads).toBe(2);
    expect(response.json.data.jobs[0].totalItems).toBe(2);
    expect(response.json.data.totalCreditsCharged).toBe(2);
  });

  it('answers 400 VALIDATION_ERROR naming leadIds when none of the ids is a lead of the workspace', async () => {
    const harness = createHarness({ scenario: 'default', seed: 306 });
    const client = sendkitClient(harness, 'sk_enrich_6');
    const response = await client.enrich({
      leadIds: ['ffffffffffffffffffffffff', 'eeeeeeeeeeeeeeeeeeeeeeee'],
      enrichmentTypes: ['email'],
    });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('VALIDATION_ERROR');
    expect(response.json.error.message).toMatch(
      /^leadIds: none of the 2 ids is a person lead of this workspace/,
    );
    expect(contextOf(harness.mock).simulator.allRuns()).toEqual([]);
  });

  it('records the jobs as failed, uncharged, when the scenario fails their dispatch', async () => {
    const harness = createHarness({ scenario: 'dispatch-failure', seed: 307 });
    const client = sendkitClient(harness, 'sk_enrich_7');
    const jobs = await startJobs(client, await leadIds(client, 4), ['email', 'phoneEnrichment']);
    expect(jobs.map((job) => [job.status, job.creditsUsed])).toEqual([
      ['failed', 0],
      ['failed', 0],
    ]);
    const job = await client.job(jobs[0]?.jobId ?? '');
    expect(job.json.data).toMatchObject({
      status: 'failed',
      startedAt: null,
      metadata: { processedItems: 4, successCount: 0, failedCount: 4, creditsUsed: 0 },
    });
    expect(contextOf(harness.mock).simulator.tenant('sk_enrich_7').credits).toBe(1_000);
  });
});
