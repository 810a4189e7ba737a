import { describe, expect, it } from 'vitest';
import type { FaultRule } from '../../../src/scenario/types.js';
import { createHarness } from '../../support/mock-harness.js';
import { scenarioWith } from '../../support/scenario-variants.js';
import { leadIds, seenResponses, sendkitClient, startJob, startJobs } from './sendkit-api.js';

const LEAD = '65f1a2b3c4d5e6f708192a3b';

/** A fault rule answering `status` to every call of one operation. */
const statusFault = (
  operation: string,
  status: number,
  extra: { retryAfterSeconds?: number } = {},
): FaultRule => ({
  name: `${operation}-${status}`,
  match: { vendor: 'sendkit', operation },
  effect: { type: 'status', status, ...extra },
});

// Every call below goes through `checkedCall`, which validates the response against openapi/sendkit.yaml;
// this file makes sure each operation's documented answers are produced at least once.
describe('sendkit: responses conform to openapi/sendkit.yaml', () => {
  it('conforms on every success and error path of every operation', async () => {
    const harness = createHarness({ scenario: 'happy-path-fast', seed: 371 });
    const client = sendkitClient(harness, 'sk_conform_1');
    const anonymous = sendkitClient(harness, { headers: {} });
    const misusedWorkspace = sendkitClient(harness, {
      headers: { 'x-api-key': 'sk_conform_1', 'x-workspace-id': 'ws_1' },
    });
    const ids = await leadIds(client);
    const [job, other] = await startJobs(client, ids, ['email', 'phoneEnrichment']);
    const id = job?.jobId ?? '';
    await client.job(id);
    await client.cancel(other?.jobId ?? '');
    harness.clock.advance(1_000);
    await client.job(id);
    await client.leads({ emailVerified: true, limit: 3 });
    await client.cancel(id);
    await client.enrich({ leadIds: ids, enrichmentTypes: ['phoneEnrichment'] });
    await client.enrich({ leadIds: [LEAD], enrichmentTypes: ['fax'] });
    await client.call('POST', '/v1/enrichment/enrich', {
      rawBody: '{',
      headers: { 'content-type': 'application/json' },
    });
    await client.call('POST', '/v1/enrichment/enrich', {
      rawBody: '{}',
      headers: { 'content-type': 'text/csv' },
    });
    await client.call('POST', '/v1/enrichment/enrich', {
      rawBody: `"${'x'.repeat(1_100_000)}"`,
      headers: { 'content-type': 'application/json' },
    });
    await client.job('bulk_email_verification_0_aaaaaaa');
    await client.cancel('bulk_email_verification_0_aaaaaaa');
    await client.leads({ limit: 500 });
    for (const call of [anonymous, misusedWorkspace]) {
      await call.enrich({ leadIds: [LEAD], enrichmentTypes: ['email'] });
      await call.job(id);
      await call.cancel(id);
      await call.leads();
    }
    expect([...seenResponses].sort()).toEqual(
      [
        'sendkitCancelEnrichmentJob 200',
        'sendkitCancelEnrichmentJob 400',
        'sendkitCancelEnrichmentJob 401',
        'sendkitCancelEnrichmentJob 404',
        'sendkitEnrichLeads 200',
        'sendkitEnrichLeads 400',
        'sendkitEnrichLeads 401',
        'sendkitEnrichLeads 402',
        'sendkitEnrichLeads 413',
        'sendkitEnrichLeads 415',
        'sendkitGetEnrichmentJob 200',
        'sendkitGetEnrichmentJob 400',
        'sendkitGetEnrichmentJob 401',
        'sendkitGetEnrichmentJob 404',
        'sendkitListLeads 200',
        'sendkitListLeads 400',
        'sendkitListLeads 401',
      ].sort(),
    );
  });

  it('conforms on injected 403, 429 (with Retry-After) and 503 faults', async () => {
    const scenario = scenarioWith('default', 'sendkit-faults', (base) => ({
      ...base,
      faults: [
        statusFault('sendkitListLeads', 429, { retryAfterSeconds: 30 }),
        statusFault('sendkitGetEnrichmentJob', 503),
        statusFault('sendkitCancelEnrichmentJob', 403),
      ],
    }));
    const harness = createHarness({ scenario, seed: 372 });
    const client = sendkitClient(harness, 'sk_conform_2');
    const answers = [await client.leads(), await client.job('bulk_x'), await client.cancel('bulk_x')];
    expect(answers.map((response) => [response.status, response.json.error.code])).toEqual([
      [429, 'RATE_LIMITED'],
      [503, 'SERVICE_UNAVAILABLE'],
      [403, 'FORBIDDEN'],
    ]);
    expect(answers[0]?.headers.get('retry-after')).toBe('30');
  });

  it('conforms with the client-tolerance variations (extra fields, nulls, shuffled keys)', async () => {
    const harness = createHarness({ scenario: 'client-tolerance', seed: 373 });
    const client = sendkitClient(harness, 'sk_conform_3');
    const id = await startJob(client, 'email', 5);
    harness.clock.advance(30_000);
    expect((await client.job(id)).status).toBe(200);
    expect((await client.leads({ limit: 5 })).status).toBe(200);
    expect((await client.cancel(await startJob(client, 'segGateway', 5))).status).toBe(200);
  });
});
