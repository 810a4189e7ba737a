import { describe, expect, it } from 'vitest';
import { contextOf, createHarness } from '../../support/mock-harness.js';
import { SEVEN_DAYS, sendkitClient, startJob } from './sendkit-api.js';

const iso = (ms: number): string => new Date(ms).toISOString();

// cancel-race timing: every item starts 1s after creation and takes 10s, so a job over 25 leads is
// processing from 1s and completes at exactly 11s. `FIXED` keeps that timing but lets cancels win.
const FIXED = { scenario: 'cancel-race', overrides: { races: { cancelAlwaysLoses: false } } };
describe('sendkit: GET /v1/enrichment/jobs/{jobId}', () => {
  it('reports pending, then processing, then completed, with startedAt and completedAt null until they happen', async () => {
    const harness = createHarness({ scenario: 'cancel-race', seed: 311 });
    const client = sendkitClient(harness, 'sk_job_1');
    const id = await startJob(client);
    const created = harness.clock.now();
    const pending = (await client.job(id)).json.data;
    expect(pending).toEqual({
      id,
      type: 'email_verification',
      status: 'pending',
      metadata: { totalItems: 25, processedItems: 0, successCount: 0, failedCount: 0, creditsUsed: 25 },
      totalLeads: 25,
      createdAt: iso(created),
      updatedAt: iso(created),
      startedAt: null,
      completedAt: null,
    });
    harness.clock.advance(1_000);
    const processing = (await client.job(id)).json.data;
    expect(processing).toMatchObject({
      status: 'processing',
      startedAt: iso(created + 1_000),
      completedAt: null,
      metadata: { processedItems: 0 },
    });
    harness.clock.advance(10_000);
    const completed = (await client.job(id)).json.data;
    expect(completed).toMatchObject({
      status: 'completed',
      startedAt: iso(created + 1_000),
      completedAt: iso(created + 11_000),
      updatedAt: iso(created + 11_000),
      metadata: { totalItems: 25, processedItems: 25, successCount: 25, failedCount: 0, creditsUsed: 25 },
    });
  });

  it('counts failed items apart from successful ones: processedItems = successCount + failedCount', async () => {
    const harness = createHarness({ scenario: 'partial-failures', seed: 312 });
    const client = sendkitClient(harness, 'sk_job_2');
    const id = await startJob(client);
    harness.clock.advance(10 * 60_000);
    const { metadata, status } = (await client.job(id)).json.data;
    expect(status).toBe('completed');
    expect(metadata.failedCount).toBeGreaterThan(0);
    expect(metadata.successCount + metadata.failedCount).toBe(metadata.processedItems);
    expect(metadata.processedItems).toBe(25);
  });

  it('answers 404 NOT_FOUND "Job not found or expired" for unknown ids and for other workspaces\' jobs', async () => {
    const harness = createHarness({ scenario: 'default', seed: 313 });
    const id = await startJob(sendkitClient(harness, 'sk_job_3'));
    const stranger = sendkitClient(harness, 'sk_job_3_other');
    for (const response of [
      await stranger.job(id),
      await stranger.cancel(id),
      await stranger.job('bulk_email_verification_1_abcdefg'),
      await stranger.job('not-a-job-id'),
    ]) {
      expect(response.status).toBe(404);
      expect(response.json).toEqual({
        success: false,
        error: { code: 'NOT_FOUND', message: 'Job not found or expired' },
      });
    }
  });

  it('forgets a job 7 days after its creation: found 1 ms before, 404 at 7 days + 1 ms', async () => {
    const harness = createHarness({ scenario: 'default', seed: 314 });
    const client = sendkitClient(harness, 'sk_job_4');
    const id = await startJob(client);
    harness.clock.advance(SEVEN_DAYS - 1);
    expect((await client.job(id)).status).toBe(200);
    harness.clock.advance(2);
    const gone = await client.job(id);
    expect(gone.status).toBe(404);
    expect(gone.json.error).toEqual({ code: 'NOT_FOUND', message: 'Job not found or expired' });
    expect((await client.cancel(id)).status).toBe(404);
  });

  it('expires jobs after the expired-jobs scenario ttl', async () => {
    const harness = createHarness({ scenario: 'expired-jobs', seed: 315 });
    const ttl = harness.mock.runtime.context()?.scenario.expiry.sendkit;
    expect(ttl).toBe(10 * 60_000);
    const client = sendkitClient(harness, 'sk_job_5');
    const id = await startJob(client);
    harness.clock.advance((ttl ?? 0) - 1);
    expect((await client.job(id)).status).toBe(200);
    harness.clock.advance(2);
    expect((await client.job(id)).json.error.message).toBe('Job not found or expired');
  });
});

describe('sendkit: POST /v1/enrichment/jobs/{jobId}/cancel', () => {
  it('cancels a processing job: 200 with the job cancelled, completedAt = updatedAt = now, credits not refunded', async () => {
    const harness = createHarness({ ...FIXED, seed: 321 });
    const client = sendkitClient(harness, 'sk_cancel_1');
    const id = await startJob(client);
    harness.clock.advance(5_000);
    const response = await client.cancel(id);
    expect(response.status).toBe(200);
    const now = iso(harness.clock.now());
    expect(response.json.data).toMatchObject({
      id,
      type: 'email_verification',
      status: 'cancelled',
      completedAt: now,
      updatedAt: now,
      metadata: { creditsUsed: 25 },
    });
    expect(contextOf(harness.mock).simulator.tenant('sk_cancel_1').credits).toBe(975);
    harness.clock.advance(10 * 60_000);
    const later = (await client.job(id)).json.data;
    expect(later).toMatchObject({ status: 'cancelled', completedAt: now, metadata: { creditsUsed: 25 } });
  });

  it("cancels a pending job before anything was processed, as in Sendkit's example", async () => {
    const harness = createHarness({ ...FIXED, seed: 322 });
    const client = sendkitClient(harness, 'sk_cancel_2');
    const id = await startJob(client);
    const response = await client.cancel(id);
    expect(response.json.data).toMatchObject({
      status: 'cancelled',
      startedAt: null,
      metadata: { totalItems: 25, processedItems: 0, successCount: 0, failedCount: 0, creditsUsed: 25 },
    });
  });

  it('refuses to cancel a terminal job with 400 VALIDATION_ERROR naming its status', async () => {
    const harness = createHarness({ scenario: 'happy-path-fast', seed: 323 });
    const client = sendkitClient(harness, 'sk_cancel_3');
    const done = await startJob(client);
    const cancelled = await startJob(client);
    expect((await client.cancel(cancelled)).status).toBe(200);
    harness.clock.advance(60_000);
    const refusals = [await client.cancel(done), await client.cancel(cancelled)];
    expect(refusals.map((response) => [response.status, response.json])).toEqual([
      [
        400,
        {
          success: false,
          error: { code: 'VALIDATION_ERROR', message: 'Job cannot be cancelled in status "completed"' },
        },
      ],
      [
        400,
        {
          success: false,
          error: { code: 'VALIDATION_ERROR', message: 'Job cannot be cancelled in status "cancelled"' },
        },
      ],
    ]);
  });

  it('refuses to cancel a job whose dispatch failed, naming status "failed"', async () => {
    const harness = createHarness({ scenario: 'dispatch-failure', seed: 324 });
    const client = sendkitClient(harness, 'sk_cancel_4');
    const id = await startJob(client);
    expect((await client.cancel(id)).json.error.message).toBe('Job cannot be cancelled in status "failed"');
  });

  it('answers a cancel racing completion with VALIDATION_ERROR naming the status the job settles on, and the job is completed from then on', async () => {
    const harness = createHarness({
      scenario: 'cancel-race',
      seed: 325,
      overrides: { races: { cancelAlwaysLoses: false, beforeCompletion: '2s', afterCompletion: '2s' } },
    });
    const client = sendkitClient(harness, 'sk_cancel_5');
    const early = await startJob(client);
    harness.clock.advance(10_000); // 1s before completion: the cancel meets the completion
    const before = await client.cancel(early);
    expect([before.status, before.json.error]).toEqual([
      400,
      { code: 'VALIDATION_ERROR', message: 'Job cannot be cancelled in status "completed"' },
    ]);
    const raced = iso(harness.clock.now());
    expect((await client.job(early)).json.data).toMatchObject({
      status: 'completed',
      completedAt: raced,
      updatedAt: raced,
      metadata: { totalItems: 25, processedItems: 25, successCount: 25, failedCount: 0 },
    });
    harness.clock.advance(2_000); // 1s after the natural completion
    const after = await client.cancel(early);
    expect(after.json.error.message).toBe('Job cannot be cancelled in status "completed"');
    expect((await client.job(early)).json.data).toMatchObject({ status: 'completed', completedAt: raced });
  });

  it('loses every cancel of a pending or processing job in cancel-race: the job completes at that instant', async () => {
    const harness = createHarness({ scenario: 'cancel-race', seed: 326 });
    const client = sendkitClient(harness, 'sk_cancel_6');
    const pending = await startJob(client);
    const processing = await startJob(client);
    for (const [id, wait] of [
      [pending, 0],
      [processing, 3_000],
    ] as const) {
      harness.clock.advance(wait);
      const refused = await client.cancel(id);
      expect([refused.status, refused.json.error.message]).toEqual([
        400,
        'Job cannot be cancelled in status "completed"',
      ]);
      expect((await client.job(id)).json.data).toMatchObject({
        status: 'completed',
        completedAt: iso(harness.clock.now()),
        metadata: { processedItems: 25, successCount: 25 },
      });
    }
  });
});
