import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEnrichmentMock, type EnrichmentMock, type EnrichmentMockOptions } from 'enrichment-mock';
import { createPuffleClient, PuffleError, RunTimeoutError } from './client.js';

// Contract tests of the Puffle client against enrichment-mock, in-process: msw answers the client's
// fetch calls to https://app.puffle.ai, and the mock's virtual clock stands in for waiting.

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

const API_KEY = 'pk_live_example';
const PROSPECTS = { type: 'list', listId: 'list_prospects' } as const; // 25 people in every scenario

/** A fresh mock for this test, mounted on msw, and a client that sleeps on the mock's clock. */
function setup(options: EnrichmentMockOptions) {
  const mock = createEnrichmentMock(options);
  judged = mock;
  server.use(...mock.handlers);
  const sleeps: number[] = [];
  const client = createPuffleClient({
    apiKey: API_KEY,
    // Waiting without sleeping: the client's sleep moves the virtual clock, and deadlines read it.
    sleep: (ms) => {
      sleeps.push(ms);
      return mock.sleep(ms);
    },
    now: () => mock.clock.now(),
  });
  const calls = (method: string, path: RegExp) =>
    mock.journal
      .entries({ vendor: 'puffle' })
      .filter((entry) => entry.request.method === method && path.test(entry.request.path));
  return { mock, client, sleeps, calls };
}

describe('puffle client', () => {
  it('enriches a list: creates the run, polls it to completion and reads every result', async () => {
    // autoAdvance: each poll finds the run one step further, so the loop ends after a few polls.
    const { mock, client } = setup({ scenario: 'default', seed: 7, autoAdvance: true });
    const { run, items } = await client.enrich({ enrichmentId: 'work_email', scope: PROSPECTS });

    expect(run.status).toBe('completed');
    expect(run.cost.actual?.credits).toBe(25);
    expect(items).toHaveLength(25);
    for (const item of items) {
      if (item.status === 'completed') expect(item.result).toMatch(/^[^@\s]+@[^@\s]+$/);
      else expect(item).toMatchObject({ status: 'failed', error: { message: expect.any(String) } });
    }
    expect(mock.tenant(API_KEY).describe().credits).toBe(1_000 - 25);
  });

  it('gives up at its 10-minute deadline on a run that outlasts it, then cancels the run', async () => {
    // Web research over the 10 default accounts takes about 20 minutes in this scenario.
    const { mock, client } = setup({ scenario: 'slow-web-research', seed: 7 });
    const started = mock.clock.now();
    const created = await client.createRun({
      enrichmentId: 'website_overview',
      scope: { type: 'list', listId: 'list_accounts' },
    });

    const waited = client.waitForRun(created.enrichmentRunId);
    await expect(waited).rejects.toBeInstanceOf(RunTimeoutError);
    expect(mock.clock.now() - started).toBeGreaterThan(9 * 60_000); // virtual minutes, not real ones

    const cancelled = await client.cancelRun(created.enrichmentRunId);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.timing.cancelledAt).toBe(cancelled.timing.completedAt);
  });

  it('surfaces 402 INSUFFICIENT_CREDITS with what the run needs, without retrying or creating a run', async () => {
    const { mock, client, calls } = setup({ scenario: 'default', seed: 7 });
    mock.tenant(API_KEY).setCredits(10);

    const error = await client
      .createRun({ enrichmentId: 'work_email', scope: PROSPECTS })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PuffleError);
    expect(error).toMatchObject({
      status: 402,
      code: 'INSUFFICIENT_CREDITS',
      body: { required: 25, balance: 10 },
    });
    expect(calls('POST', /^\/api\/enrichment$/)).toHaveLength(1);
    expect(mock.tenant(API_KEY).describe().credits).toBe(10);
  });

  // cancel-race makes every cancel lose; its fixed timing with timed windows tests both sides of the race.
  const TIMED_RACE: EnrichmentMockOptions = {
    scenario: 'cancel-race',
    seed: 7,
    overrides: { races: { cancelAlwaysLoses: false, beforeCompletion: '2s', afterCompletion: '2s' } },
  };

  describe('cancel race (every run completes exactly 11 s after creation; cancels within 2 s of it lose)', () => {
    it('a cancel 1 s before completion loses the race: 409 run_status_changed, and the run completes', async () => {
      const { mock, client, calls } = setup(TIMED_RACE);
      const created = await client.createRun({ enrichmentId: 'work_email', scope: PROSPECTS });
      await mock.advance(10_000);

      const run = await client.cancelRun(created.enrichmentRunId);
      expect(calls('POST', /\/cancel$/).map((entry) => entry.response.body)).toEqual([
        expect.objectContaining({ code: 'CANCEL_CONFLICT', reason: 'run_status_changed' }),
      ]);
      expect(run.status).toBe('completed');
      expect(run.scope.counts.completed).toBe(25);
    });

    it('a cancel well before completion wins, and cancelling again is harmless', async () => {
      const { mock, client } = setup(TIMED_RACE);
      const created = await client.createRun({ enrichmentId: 'work_email', scope: PROSPECTS });
      await mock.advance(5_000);

      const run = await client.cancelRun(created.enrichmentRunId);
      expect(run.status).toBe('cancelled');
      expect(await client.cancelRun(created.enrichmentRunId)).toEqual(run); // 409 run_not_cancellable
      expect(mock.tenant(API_KEY).describe().credits).toBe(1_000 - 25); // no refund
    });
  });

  it('reports 502 DISPATCH_FAILED at once, without retrying: the run exists and is failed (dispatch-failure)', async () => {
    const { mock, client, calls } = setup({ scenario: 'dispatch-failure', seed: 7 });

    const error = await client
      .createRun({ enrichmentId: 'work_email', scope: PROSPECTS })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, code: 'DISPATCH_FAILED' });
    expect(calls('POST', /^\/api\/enrichment$/)).toHaveLength(1);

    const run = await client.getRun(String((error as PuffleError).body['enrichmentRunId']));
    expect(run.status).toBe('failed');
    expect(run.error?.message).toContain('queue unavailable');
    expect(mock.tenant(API_KEY).describe().credits).toBe(1_000); // nothing charged
  });

  it('retries a 500 on a poll (an inline override of the scenario)', async () => {
    const { client, calls } = setup({
      scenario: 'happy-path-fast',
      seed: 7,
      autoAdvance: true,
      overrides: {
        faults: [
          {
            name: 'first-poll-fails',
            match: { operation: 'puffleGetEnrichmentRun', nth: [1] },
            effect: { status: 500 },
          },
        ],
      },
    });
    const { run } = await client.enrich({ enrichmentId: 'work_email', scope: PROSPECTS });
    expect(run.status).toBe('completed');
    expect(calls('GET', /^\/api\/enrichment\/[^/]+$/).map((entry) => entry.response.status)).toEqual([
      500, 200,
    ]);
  });

  it('survives a flaky network: retries resets, 503s and 429s (after Retry-After); a retried create charges once', async () => {
    // With seed 4 the first create's answer is lost (reset), its retry meets a 503, the third try gets
    // the run the first one created; a poll is rate limited (429, Retry-After: 2) and another reset.
    const { mock, client, sleeps, calls } = setup({ scenario: 'flaky-network', seed: 4, autoAdvance: true });
    const { run, items } = await client.enrich({ enrichmentId: 'work_email', scope: PROSPECTS });

    expect(run.status).toBe('completed');
    expect(items).toHaveLength(25);
    const statuses = mock.journal.entries().map((entry) => entry.response.status);
    expect(statuses).toEqual(expect.arrayContaining([0, 429, 503])); // 0: no answer (connection reset)

    const creates = calls('POST', /^\/api\/enrichment$/);
    expect(creates.map((entry) => entry.response.status)).toEqual([0, 503, 200]);
    const keys = creates.map((entry) => (entry.request.body as { idempotencyKey: string }).idempotencyKey);
    expect(new Set(keys).size).toBe(1);
    expect(creates.at(-1)?.response.body).toMatchObject({ reusedExistingRun: true, enrichmentRunId: run.id });
    expect(mock.tenant(API_KEY).describe().credits).toBe(1_000 - 25); // charged once

    expect(sleeps).toContain(2_000); // Retry-After: 2, honoured
  });
});
