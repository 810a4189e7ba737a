import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEnrichmentMock, type EnrichmentMock, type EnrichmentMockOptions } from 'enrichment-mock';
import { createSendkitClient, SendkitError } from './client.js';

// Contract tests of the Sendkit client against enrichment-mock, in-process: msw answers the client's
// fetch calls to https://api.sendkit.ai, and the mock's virtual clock stands in for waiting.

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// The mock also judges how the client behaves (poll cadence, Retry-After, idempotent creates, ...):
// a test fails with a readable list of findings when the client broke a documented rule (docs/conformance.md).
let judged: EnrichmentMock | undefined;
afterEach(() => {
  server.resetHandlers();
  judged?.assertConformance();
  judged = undefined;
});
afterAll(() => server.close());

const API_KEY = 'sk_example';

/** A fresh mock for this test, mounted on msw, and a client that sleeps on the mock's clock. */
function setup(options: EnrichmentMockOptions, apiKey = API_KEY) {
  const mock = createEnrichmentMock(options);
  judged = mock;
  server.use(...mock.handlers);
  const sleeps: number[] = [];
  const client = createSendkitClient({
    apiKey,
    // Waiting without sleeping: the client's sleep moves the virtual clock, and deadlines read it.
    sleep: (ms) => {
      sleeps.push(ms);
      return mock.sleep(ms);
    },
    now: () => mock.clock.now(),
  });
  const calls = (method: string, path: RegExp) =>
    mock.journal
      .entries({ vendor: 'sendkit' })
      .filter((entry) => entry.request.method === method && path.test(entry.request.path));
  return { mock, client, sleeps, calls };
}

/** The tenant's 25 default person leads, read from the mock's world rather than over the API. */
const leadIdsOf = (mock: EnrichmentMock, apiKey = API_KEY): string[] =>
  mock
    .tenant(apiKey)
    .describe()
    .lists.find((list) => list.id === 'list_prospects')?.leadIds ?? [];

describe('sendkit client', () => {
  it('verifies the emails of every lead: starts the job, polls it to completion, reads each verdict', async () => {
    // No autoAdvance here: each poll sleeps 3 s of virtual time, and the job takes a few seconds.
    const { mock, client, calls } = setup({ scenario: 'default', seed: 7 });
    const leadIds = (await client.listLeads()).map((lead) => lead.id);
    expect(leadIds).toHaveLength(25);

    const { job, results } = await client.verifyEmails(leadIds);
    expect(job).toMatchObject({ status: 'completed', metadata: { totalItems: 25, creditsUsed: 25 } });
    expect(results.size).toBe(25);
    for (const verdict of results.values())
      expect(['valid', 'risky', 'invalid', 'unknown']).toContain(verdict);
    expect(calls('GET', /^\/v1\/enrichment\/jobs\//).length).toBeLessThan(5);
    expect(mock.tenant(API_KEY).describe().credits).toBe(1_000 - 25);
  });

  it('surfaces 402 INSUFFICIENT_CREDITS without retrying, and nothing is charged (insufficient-credits)', async () => {
    // In this scenario `sk_few_credits` can afford 3 email verifications.
    const { mock, client, calls } = setup({ scenario: 'insufficient-credits', seed: 7 }, 'sk_few_credits');
    const leadIds = leadIdsOf(mock, 'sk_few_credits');

    const error = await client.startJobs(leadIds, ['email']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SendkitError);
    expect(error).toMatchObject({ status: 402, code: 'INSUFFICIENT_CREDITS', mayHaveBeenProcessed: false });
    expect(calls('POST', /\/enrich$/)).toHaveLength(1);

    const [job] = await client.startJobs(leadIds.slice(0, 3), ['email']);
    expect(job).toMatchObject({ totalItems: 3, creditsUsed: 3 });
  });

  // cancel-race makes every cancel lose; its fixed timing with timed windows tests both sides of the race.
  const TIMED_RACE: EnrichmentMockOptions = {
    scenario: 'cancel-race',
    seed: 7,
    overrides: { races: { cancelAlwaysLoses: false, beforeCompletion: '2s', afterCompletion: '2s' } },
  };

  describe('cancel race (every job completes exactly 11 s after creation; cancels within 2 s of it lose)', () => {
    it('a cancel 1 s before completion is refused (400), and the job completes', async () => {
      const { mock, client, calls } = setup(TIMED_RACE);
      const [started] = await client.startJobs(leadIdsOf(mock), ['email']);
      await mock.advance(10_000);

      const job = await client.cancelJob(started?.jobId ?? '');
      expect(calls('POST', /\/cancel$/).map((entry) => entry.response.body)).toEqual([
        {
          success: false,
          error: { code: 'VALIDATION_ERROR', message: 'Job cannot be cancelled in status "completed"' },
        },
      ]);
      expect(job).toMatchObject({ status: 'completed', metadata: { successCount: 25 } });
    });

    it('a cancel well before completion wins, cancelling again is harmless, and nothing is refunded', async () => {
      const { mock, client } = setup(TIMED_RACE);
      const [started] = await client.startJobs(leadIdsOf(mock), ['email']);
      await mock.advance(5_000);

      const job = await client.cancelJob(started?.jobId ?? '');
      expect(job).toMatchObject({ status: 'cancelled', metadata: { creditsUsed: 25 } });
      expect(await client.cancelJob(job.id)).toEqual(job);
      expect(mock.tenant(API_KEY).describe().credits).toBe(1_000 - 25);
    });
  });

  it('reports a job whose dispatch failed: Sendkit answers 200 with the job already failed (dispatch-failure)', async () => {
    const { mock, client } = setup({ scenario: 'dispatch-failure', seed: 7 });
    const { job, results } = await client.verifyEmails(leadIdsOf(mock));
    expect(job).toMatchObject({ status: 'failed', metadata: { creditsUsed: 0 } });
    expect(results.size).toBe(0);
    expect(mock.tenant(API_KEY).describe().credits).toBe(1_000);
  });

  it('retries a 502 from a gateway on a poll (an inline override of the scenario)', async () => {
    const { mock, client, calls } = setup({
      scenario: 'happy-path-fast',
      seed: 7,
      overrides: {
        faults: [
          {
            name: 'gateway-502',
            match: { operation: 'sendkitGetEnrichmentJob', nth: [1] },
            effect: { status: 502 },
          },
        ],
      },
    });
    const { job } = await client.verifyEmails(leadIdsOf(mock));
    expect(job.status).toBe('completed');
    expect(calls('GET', /^\/v1\/enrichment\/jobs\//).map((entry) => entry.response.status)).toEqual([
      502, 200,
    ]);
  });

  describe('flaky network (flaky-network scenario)', () => {
    it('retries polls and reads through resets, 503s and 429s, waiting as Retry-After says', async () => {
      // With seed 4: the enrich goes through; polls meet a reset, a 503 and a 429 (Retry-After: 2); the
      // lead read meets another reset.
      const { mock, client, sleeps } = setup({ scenario: 'flaky-network', seed: 4, autoAdvance: true });
      const { job, results } = await client.verifyEmails(leadIdsOf(mock));

      expect(job.status).toBe('completed');
      expect(results.size).toBe(25);
      const statuses = mock.journal.entries().map((entry) => entry.response.status);
      expect(statuses).toEqual(expect.arrayContaining([0, 429, 503])); // 0: no answer (connection reset)
      expect(sleeps).toContain(2_000); // Retry-After: 2, honoured
      expect(mock.tenant(API_KEY).describe().credits).toBe(1_000 - 25);
    });

    it('does not retry starting a job whose answer was lost: Sendkit has no idempotency key', async () => {
      // Call 1 lists the leads; call 2, the enrich, is handled but its connection is reset.
      const { mock, client, calls } = setup({ scenario: 'flaky-network', seed: 4 });
      const leadIds = (await client.listLeads()).map((lead) => lead.id);

      const error = await client.startJobs(leadIds, ['email']).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'NETWORK_ERROR', mayHaveBeenProcessed: true });
      expect(calls('POST', /\/enrich$/)).toHaveLength(1);
      // The job does exist and was paid for: a blind retry would have paid twice.
      expect(mock.tenant(API_KEY).describe().credits).toBe(1_000 - 25);
    });
  });
});
