import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEnrichmentMock, type EnrichmentMock, type EnrichmentMockOptions } from 'enrichment-mock';
import { createExaClient, ExaError, type ExaClient } from './client.js';

// Contract tests of the Exa Websets client against enrichment-mock, in-process: msw answers the
// client's fetch calls to https://api.exa.ai, and the mock's virtual clock stands in for waiting.

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

const API_KEY = 'exa_example';
const EMAIL = { description: 'Work email address of this person', format: 'email' } as const;

/** A fresh mock for this test, mounted on msw, and a client that sleeps on the mock's clock. */
function setup(options: EnrichmentMockOptions) {
  const mock = createEnrichmentMock(options);
  judged = mock;
  server.use(...mock.handlers);
  const sleeps: number[] = [];
  const client = createExaClient({
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
      .entries({ vendor: 'exa' })
      .filter((entry) => entry.request.method === method && path.test(entry.request.path));
  return { mock, client, sleeps, calls };
}

/** A Webset of `count` people (the mock finds them at once). */
const peopleWebset = (client: ExaClient, count = 5, externalId = 'crm-segment-42') =>
  client.createWebset({
    externalId,
    query: 'Heads of revenue operations at B2B SaaS companies',
    count,
    entity: 'person',
  });

describe('exa client', () => {
  it('enriches a Webset: every Item gets its email once the Enrichment completes', async () => {
    const { mock, client, calls } = setup({ scenario: 'default', seed: 7 });
    const webset = await peopleWebset(client);
    const created = await client.createEnrichment(webset.id, EMAIL);
    expect(created.status).toBe('pending');

    // Drive the clock yourself: ten minutes later every run has settled.
    await mock.advance(10 * 60_000);
    const enrichment = await client.waitForEnrichment(webset.id, created.id);
    expect(enrichment.status).toBe('completed');
    expect(calls('GET', /\/enrichments\//)).toHaveLength(1); // no polling needed

    const results = await client.listResults(webset.id, enrichment.id);
    expect(results).toHaveLength(5);
    for (const { result } of results)
      expect(result).toMatchObject({ status: 'completed', result: [expect.stringContaining('@')] });
    expect(mock.tenant(API_KEY).describe().credits).toBe(1_000 - 5);
  });

  it('surfaces 402 NO_MORE_CREDITS without retrying, and no Enrichment is created', async () => {
    const { mock, client, calls } = setup({ scenario: 'default', seed: 7 });
    const webset = await peopleWebset(client);
    mock.tenant(API_KEY).setCredits(3); // 5 Items need 5 credits

    const error = await client.createEnrichment(webset.id, EMAIL).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExaError);
    expect(error).toMatchObject({ status: 402, tag: 'NO_MORE_CREDITS' });
    expect(calls('POST', /\/enrichments$/)).toHaveLength(1);
    expect((await client.getWebset(webset.id)).enrichments).toEqual([]);
  });

  // cancel-race makes every cancel lose; its fixed timing with timed windows tests both sides of the race.
  const TIMED_RACE: EnrichmentMockOptions = {
    scenario: 'cancel-race',
    seed: 7,
    overrides: { races: { cancelAlwaysLoses: false, beforeCompletion: '2s', afterCompletion: '2s' } },
  };

  describe('cancel race (every Enrichment completes exactly 11 s after creation; cancels within 2 s of it lose)', () => {
    it('a cancel 1 s before completion is refused (409), and the Enrichment completes', async () => {
      const { mock, client, calls } = setup(TIMED_RACE);
      const webset = await peopleWebset(client);
      const created = await client.createEnrichment(webset.id, EMAIL);
      await mock.advance(10_000);

      const enrichment = await client.cancelEnrichment(webset.id, created.id);
      expect(calls('POST', /\/cancel$/).map((entry) => entry.response.status)).toEqual([409]);
      expect(enrichment.status).toBe('completed');
    });

    it('a cancel well before completion wins, and cancelling again is harmless', async () => {
      const { mock, client } = setup(TIMED_RACE);
      const webset = await peopleWebset(client);
      const created = await client.createEnrichment(webset.id, EMAIL);
      await mock.advance(5_000);

      const enrichment = await client.cancelEnrichment(webset.id, created.id);
      expect(enrichment.status).toBe('canceled');
      expect(await client.cancelEnrichment(webset.id, created.id)).toEqual(enrichment);
    });
  });

  it('reports 502 BAD_GATEWAY without retrying: the Enrichment is recorded without results (dispatch-failure)', async () => {
    const { mock, client, calls } = setup({ scenario: 'dispatch-failure', seed: 7 });
    const webset = await peopleWebset(client);

    const error = await client.createEnrichment(webset.id, EMAIL).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 502,
      tag: 'BAD_GATEWAY',
      message: expect.stringContaining('queue unavailable'),
    });
    expect(calls('POST', /\/enrichments$/)).toHaveLength(1);
    const [recorded] = (await client.getWebset(webset.id)).enrichments;
    expect(recorded?.status).toBe('completed');
    for (const { result } of await client.listResults(webset.id, recorded?.id ?? ''))
      expect(result).toMatchObject({ result: null, reasoning: expect.stringContaining('queue unavailable') });
    expect(mock.tenant(API_KEY).describe().credits).toBe(1_000);
  });

  it('recovers a Webset whose create answer was lost, through its externalId (an inline override)', async () => {
    const { client, calls } = setup({
      scenario: 'default',
      seed: 7,
      overrides: {
        faults: [
          {
            name: 'drop-first-create',
            match: { operation: 'exaCreateWebset', nth: [1] },
            effect: { transport: 'reset' },
          },
        ],
      },
    });
    const webset = await peopleWebset(client);
    expect(calls('POST', /\/websets$/).map((entry) => entry.response.status)).toEqual([0, 409]);
    expect(webset.externalId).toBe('crm-segment-42');
    expect(calls('GET', /\/websets\/crm-segment-42$/)).toHaveLength(1);
  });

  it('survives a flaky network: a lost create is found by its requestKey, not paid twice; 429s and 503s are retried', async () => {
    // With seed 4: the Webset create goes through; the Enrichment create is handled but its connection
    // is reset, so the client looks for it on the Webset (through a 503) and finds it; the first poll is
    // rate limited (429, Retry-After: 2) and the read of the Items is reset once more.
    const { mock, client, sleeps, calls } = setup({ scenario: 'flaky-network', seed: 4, autoAdvance: true });
    const webset = await peopleWebset(client);
    const { enrichment, results } = await client.enrich(webset.id, EMAIL);

    expect(enrichment.status).toBe('completed');
    expect(results.every(({ result }) => result?.status === 'completed')).toBe(true);
    expect(calls('POST', /\/enrichments$/).map((entry) => entry.response.status)).toEqual([0]);
    expect((await client.getWebset(webset.id)).enrichments).toHaveLength(1);
    expect(mock.tenant(API_KEY).describe().credits).toBe(1_000 - 5); // paid once
    const statuses = mock.journal.entries().map((entry) => entry.response.status);
    expect(statuses).toEqual(expect.arrayContaining([0, 429, 503]));
    expect(sleeps).toContain(2_000); // Retry-After: 2, honoured
  });
});
