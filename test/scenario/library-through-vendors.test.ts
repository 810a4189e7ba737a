import { describe, expect, it } from 'vitest';
import { listScenarios } from '../../src/scenario/load-scenario.js';
import { createHarness, type Harness } from '../support/mock-harness.js';

const PUFFLE = 'https://app.puffle.ai/api';
const SENDKIT = 'https://api.sendkit.ai/v1';
const EXA = 'https://api.exa.ai/websets/v0';
const MINUTE = 60_000;

const puffle = (key: string) => ({ authorization: `Bearer ${key}` });
const createPuffleRun = (
  harness: Harness,
  key: string,
  enrichmentId = 'work_email',
  listId = 'list_prospects',
) =>
  harness.call('POST', `${PUFFLE}/enrichment`, {
    headers: puffle(key),
    body: { enrichmentId, scope: { type: 'list', listId }, input: {} },
  });
const puffleRun = async (harness: Harness, key: string, id: string) =>
  (await harness.call('GET', `${PUFFLE}/enrichment/${id}`, { headers: puffle(key) })).json?.run;

/**
 * One observable behaviour per built-in scenario, seen through the vendors' HTTP APIs (msw getResponse):
 * what a client pointed at the mock with that scenario experiences.
 */
const behaviours: Record<string, (harness: Harness) => Promise<void>> = {
  default: async (harness) => {
    const { json } = await createPuffleRun(harness, 'pk_live_default');
    expect(await puffleRun(harness, 'pk_live_default', json.enrichmentRunId)).toMatchObject({
      status: 'pending',
    });
    harness.clock.advance(2 * MINUTE);
    const run = await puffleRun(harness, 'pk_live_default', json.enrichmentRunId);
    expect(['completed', 'failed']).toContain(run.status);
    expect(Date.parse(run.timing.completedAt) - Date.parse(run.timing.createdAt)).toBeLessThan(MINUTE);
  },
  'happy-path-fast': async (harness) => {
    const { json } = await createPuffleRun(harness, 'pk_live_fast');
    harness.clock.advance(1_000);
    const run = await puffleRun(harness, 'pk_live_fast', json.enrichmentRunId);
    expect(run).toMatchObject({ status: 'completed', scope: { counts: { completed: 25, failed: 0 } } });
  },
  'insufficient-credits': async (harness) => {
    const refused = await createPuffleRun(harness, 'pk_live_broke');
    expect(refused.status).toBe(402);
    expect(refused.json).toMatchObject({ code: 'INSUFFICIENT_CREDITS', required: 25, balance: 0 });
  },
  'dispatch-failure': async (harness) => {
    const refused = await createPuffleRun(harness, 'pk_live_dispatch');
    expect(refused.status).toBe(502);
    expect(await puffleRun(harness, 'pk_live_dispatch', refused.json.runId)).toMatchObject({
      status: 'failed',
    });
  },
  'cancel-race': async (harness) => {
    const { json } = await createPuffleRun(harness, 'pk_live_race');
    harness.clock.advance(10_000); // completion is 11 s after creation: inside the 2 s window
    const cancel = await harness.call('POST', `${PUFFLE}/enrichment/${json.enrichmentRunId}/cancel`, {
      headers: puffle('pk_live_race'),
    });
    expect(cancel.status).toBe(409);
    expect(cancel.json.reason).toBe('run_status_changed');
  },
  'slow-web-research': async (harness) => {
    const { json } = await createPuffleRun(harness, 'pk_live_slow', 'website_overview', 'list_accounts');
    harness.clock.advance(10 * MINUTE);
    expect(await puffleRun(harness, 'pk_live_slow', json.enrichmentRunId)).toMatchObject({
      status: 'running',
    });
  },
  'partial-failures': async (harness) => {
    const { json } = await createPuffleRun(harness, 'pk_live_partial');
    harness.clock.advance(10 * MINUTE);
    const run = await puffleRun(harness, 'pk_live_partial', json.enrichmentRunId);
    expect(run.status).toBe('completed');
    expect(run.scope.counts.failed).toBeGreaterThan(0);
    expect(run.scope.counts.completed).toBeGreaterThan(0);
  },
  'flaky-network': async (harness) => {
    const statuses: number[] = [];
    for (let call = 1; call <= 10; call++) {
      try {
        statuses.push(
          (await harness.call('GET', `${PUFFLE}/enrichments`, { headers: puffle('pk_live_flaky') })).status,
        );
      } catch {
        statuses.push(0); // a connection reset: the fetch rejects
      }
    }
    expect(statuses[1]).toBe(0);
    expect(statuses[4]).toBe(429);
    expect(statuses).toContain(200);
  },
  'expired-jobs': async (harness) => {
    const headers = { 'x-api-key': 'sk_expiring' };
    const lead = (await harness.call('GET', `${SENDKIT}/leads?limit=1`, { headers })).json.data.leads[0]
      .id as string;
    const created = await harness.call('POST', `${SENDKIT}/enrichment/enrich`, {
      headers,
      body: { leadIds: [lead], enrichmentTypes: ['email'] },
    });
    const jobId = created.json.data.jobs[0].jobId as string;
    harness.clock.advance(10 * MINUTE);
    const expired = await harness.call('GET', `${SENDKIT}/enrichment/jobs/${jobId}`, { headers });
    expect(expired.status).toBe(404);
    expect(expired.json.error).toEqual({ code: 'NOT_FOUND', message: 'Job not found or expired' });
  },
  'empty-scopes': async (harness) => {
    const refused = await createPuffleRun(harness, 'pk_live_empty');
    expect(refused.status).toBe(400);
    expect(refused.json.code).toBe('EMPTY_LEAD_SCOPE');
  },
  'client-tolerance': async (harness) => {
    const { json } = await createPuffleRun(harness, 'pk_live_tolerant');
    expect(json).toHaveProperty('x_mock_additive');
    // The run was dispatched: tolerance never nulls a value the answer has.
    expect(json.triggerRunId).toEqual(expect.any(String));
  },
  'webhook-chaos': async (harness) => {
    const created = await harness.call('POST', `${EXA}/webhooks`, {
      headers: { 'x-api-key': 'exa_chaos' },
      body: { events: ['webset.created'], url: 'http://127.0.0.1:9/hook' },
    });
    expect(created.status).toBe(200);
    expect(created.json.secret).toEqual(expect.any(String));
    expect(harness.mock.scenario.webhooks).toMatchObject({ duplicate: 0.3 });
  },
};

describe('the built-in scenario library, through the vendor APIs', () => {
  it('has a behaviour test for every built-in scenario', () => {
    expect(Object.keys(behaviours).sort()).toEqual(
      listScenarios()
        .map((summary) => summary.name)
        .sort(),
    );
  });

  it.each(Object.keys(behaviours))('%s behaves as its description says', async (name) => {
    const harness = createHarness({ scenario: name, seed: 11 });
    await (behaviours[name] as (harness: Harness) => Promise<void>)(harness);
  });
});
