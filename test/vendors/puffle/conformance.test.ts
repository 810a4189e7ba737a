import { describe, expect, it } from 'vitest';
import document from '../../../src/generated/puffle.document.js';
import { createOperationIndex } from '../../../src/openapi/operation-index.js';
import type { FaultRule } from '../../../src/scenario/types.js';
import { scenarioWith } from '../../support/scenario-variants.js';
import { leadIdsOf, listRun, puffleClient, puffleSetup, seenResponses, startRun } from './puffle-api.js';

const TEN_MINUTES = 10 * 60_000;

/** Every (operationId, status) pair `openapi/puffle.yaml` declares. */
const declared = createOperationIndex(document).operations.flatMap((operation) =>
  Object.keys(operation.responses).map((status) => `${operation.id} ${status}`),
);

/** Statuses only a scenario fault produces, each on its own API key. */
const INJECTED = [403, 429, 500, 503];
const faultKey = (status: number): string => `pk_live_fault_${status}`;
const withFaults = scenarioWith('default', 'puffle-status-faults', (scenario) => ({
  ...scenario,
  faults: INJECTED.map((status): FaultRule => ({
    name: `puffle-${status}`,
    match: { vendor: 'puffle', tenant: faultKey(status) },
    effect: { type: 'status', status, ...(status === 429 ? { retryAfterSeconds: 3 } : {}) },
  })),
}));

/**
 * Drives every endpoint through a whole lifecycle; each response is checked against the contract by
 * `checkedCall` (status declared, headers and body conforming), here and in every other Puffle test.
 */
function driveLifecycle(scenario: string, seed: number): void {
  it(`conforms through a whole lifecycle (${scenario})`, async () => {
    const { harness, client } = puffleSetup(scenario, seed);
    const catalog = await client.catalog();
    expect(catalog.json.enrichments.length).toBeGreaterThan(0);
    await client.catalog({ id: 'work_email', q: 'email' });
    await client.create(listRun('work_email', 'list_prospects', { mode: 'preview' }));

    const leadIds = leadIdsOf(harness, 'pk_live_test', 'list_prospects', 6);
    const explicit = {
      enrichmentId: 'work_email',
      scope: { type: 'explicit_leads' as const, leadIds, listId: 'list_prospects' },
      input: {},
      idempotencyKey: 'conformance-1',
    };
    const id = await startRun(client, explicit);
    expect((await client.create(explicit)).json.reusedExistingRun).toBe(true);
    await client.get(id);
    await client.items(id);
    harness.clock.advance(1_200);
    await client.get(id);
    await client.items(id, { status: 'running', limit: 2 });
    await client.items(id, { leadId: leadIds[0] as string });
    await client.cancel(id);
    await client.cancel(id);
    await client.get(id);
    await client.items(id, { limit: 3 });

    const second = await startRun(
      client,
      listRun('website_overview', 'list_accounts', {
        input: { focus: 'pricing' },
        output: { attributeKey: 'overview_q2' },
      }),
    );
    harness.clock.advance(TEN_MINUTES * 3);
    await client.get(second);
    const page = await client.items(second, { limit: 4 });
    await client.items(second, { cursor: page.json.page.nextCursor as string });
    await client.items(second, { status: 'failed' });
    await client.cancel(second);
    await client.create(listRun('work_email', 'list_prospects', { writePolicy: 'skip_existing' }));
  });
}

describe('puffle: contract conformance', () => {
  driveLifecycle('default', 801);
  driveLifecycle('client-tolerance', 802);
  driveLifecycle('partial-failures', 803);

  it('conforms for every documented error of every endpoint', async () => {
    const { harness, client } = puffleSetup('default', 804);
    const id = await startRun(
      client,
      listRun('work_email', 'list_prospects', { idempotencyKey: 'errors-1' }),
    );
    await client.create(listRun('work_email', 'list_accounts'));
    await client.create(
      listRun('work_email', 'list_prospects', { idempotencyKey: 'errors-1', writePolicy: 'skip_existing' }),
    );
    await client.call('POST', '/api/enrichment', {
      rawBody: '{',
      headers: { 'content-type': 'application/json' },
    });
    await client.call('POST', '/api/enrichment', { rawBody: 'x', headers: { 'content-type': 'text/plain' } });
    await client.call('POST', '/api/enrichment', {
      rawBody: JSON.stringify({ pad: 'x'.repeat(1_048_577) }),
      headers: { 'content-type': 'application/json' },
    });
    await client.items(id, { limit: 500 });
    await client.catalog({ id: '' });
    const unknownScenario = { headers: { 'x-mock-scenario': 'no-such-scenario' } };
    for (const [method, path] of [
      ['GET', `/api/enrichment/${id}`],
      ['POST', `/api/enrichment/${id}/cancel`],
    ] as const) {
      const answer = await client.call(method, path, unknownScenario);
      expect(answer.json.code).toBe('UNKNOWN_SCENARIO');
    }
    for (const missing of ['nope']) {
      await client.get(missing);
      await client.items(missing);
      await client.cancel(missing);
    }
    const anonymous = puffleClient(harness, null);
    await anonymous.create(listRun('work_email', 'list_prospects'));
    await anonymous.get(id);
    await anonymous.items(id);
    await anonymous.cancel(id);
    await anonymous.catalog();
    harness.clock.advance(TEN_MINUTES);
    await client.cancel(id);

    const poor = puffleSetup('insufficient-credits', 805);
    await poor.client.create(listRun('work_email', 'list_prospects'));
    const failing = puffleSetup('dispatch-failure', 806);
    await failing.client.create(listRun('work_email', 'list_prospects'));
  });

  it('conforms for injected 403, 429, 500 and 503 answers, with Retry-After on 429', async () => {
    const { harness } = puffleSetup(withFaults, 807);
    for (const status of INJECTED) {
      const client = puffleClient(harness, faultKey(status), { injected500: status === 500 });
      const responses = [
        await client.create(listRun('work_email', 'list_prospects')),
        await client.get('any'),
        await client.items('any'),
        await client.cancel('any'),
        await client.catalog(),
      ];
      for (const response of responses) expect(response.status).toBe(status);
      if (status === 429)
        expect(responses.every((response) => response.headers.get('retry-after') === '3')).toBe(true);
    }
  });

  it('has produced every declared status of every operation', () => {
    expect(declared.filter((pair) => !seenResponses.has(pair))).toEqual([]);
  });
});
