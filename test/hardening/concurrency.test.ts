import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/core/simulator.js';
import { createEnrichmentMock, type EnrichmentMock } from '../../src/mock/create-enrichment-mock.js';
import { contextOf } from '../support/mock-harness.js';
import type { Answer } from './support/answer-check.js';
import { inProcessSender, type Send } from './support/fuzz-runner.js';
import { reportStats } from './support/vendor-fuzz-suite.js';
import { startHardeningServer, type HardeningServer } from './support/test-server.js';
import { call } from './support/vendor-fixtures.js';
import { ADMIN_TOKEN, type HeaderMap } from './support/vendor-targets.js';
import { VENDOR_ORIGINS } from '../../src/vendors/registry.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON freely
type Json = any;

let sent = 0;
afterAll(() => reportStats(`concurrency: ${sent} requests`));

/** A mock in this process with one sender per vendor, and the simulator behind its default scenario. */
function inProcess(seed: number) {
  const mock = createEnrichmentMock({ scenario: 'default', seed });
  const senders = {
    puffle: inProcessSender(mock.handlers, VENDOR_ORIGINS.puffle),
    sendkit: inProcessSender(mock.handlers, VENDOR_ORIGINS.sendkit),
    exa: inProcessSender(mock.handlers, VENDOR_ORIGINS.exa),
  };
  return { mock, senders, simulator: () => contextOf(mock).simulator };
}

/** Sends `count` copies of a request at once and returns every answer. */
async function race(
  count: number,
  once: (index: number) => Promise<Answer>,
): Promise<(Answer & { json: Json })[]> {
  sent += count;
  return Promise.all(Array.from({ length: count }, (_, index) => once(index)));
}

const countBy = <T>(values: T[]): Map<T, number> => {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
};

/** Counts the cancels the simulator actually performed (its `cancelRun` answering ok). */
function countCancels(simulator: Simulator): () => number {
  let performed = 0;
  const original = simulator.cancelRun.bind(simulator);
  simulator.cancelRun = (...args) => {
    const result = original(...args);
    if (result.ok) performed += 1;
    return result;
  };
  return () => performed;
}

const puffleAuth = (key: string): HeaderMap => ({ authorization: `Bearer ${key}` });
const listRun = (extra: Record<string, unknown> = {}) => ({
  enrichmentId: 'work_email',
  scope: { type: 'list', listId: 'list_prospects' },
  input: {},
  ...extra,
});

describe('puffle: one idempotency key under concurrent creates', () => {
  const check = async (send: Send, runsOf: () => unknown[], credits: () => number, count: number) => {
    const before = credits();
    const auth = puffleAuth('pk_live_race');
    const answers = await race(count, () =>
      call(send, 'POST', '/api/enrichment', auth, listRun({ idempotencyKey: 'race-key' })),
    );
    expect(countBy(answers.map((answer) => answer.status))).toEqual(new Map([[200, count]]));
    expect(new Set(answers.map((answer) => answer.json.enrichmentRunId)).size).toBe(1);
    expect(answers.filter((answer) => answer.json.reusedExistingRun === false)).toHaveLength(1);
    expect(runsOf()).toHaveLength(1);
    expect(credits()).toBe(before - 25);
  };

  it('makes exactly one run and one charge from 300 concurrent creates in process', async () => {
    const { senders, simulator } = inProcess(0xc0_0001);
    await check(
      senders.puffle,
      () =>
        simulator()
          .allRuns()
          .filter((run) => run.tenant === 'pk_live_race'),
      () => simulator().tenant('pk_live_race').credits,
      300,
    );
  });

  it('makes exactly one run and one charge from 200 concurrent creates over HTTP', async () => {
    const server = await startHardeningServer({ seed: 0xc0_0002 });
    try {
      const simulator = () => contextOf(server).simulator;
      await check(
        server.send,
        () =>
          simulator()
            .allRuns()
            .filter((run) => run.tenant === 'pk_live_race'),
        () => simulator().tenant('pk_live_race').credits,
        200,
      );
    } finally {
      await server.close();
    }
  });

  it('gives one key sent with different bodies to exactly one run: the others get 422, nobody is charged twice', async () => {
    const { senders, simulator } = inProcess(0xc0_0003);
    const auth = puffleAuth('pk_live_race');
    const answers = await race(200, (index) =>
      call(
        senders.puffle,
        'POST',
        '/api/enrichment',
        auth,
        listRun({ idempotencyKey: 'shared', writePolicy: index % 2 === 0 ? 'overwrite' : 'skip_existing' }),
      ),
    );
    const winners = new Set(
      answers.filter((answer) => answer.status === 200).map((answer) => answer.json.enrichmentRunId),
    );
    expect(winners.size).toBe(1);
    expect(
      answers.every((answer) => answer.status === 200 || answer.json.code === 'IDEMPOTENCY_KEY_REUSED'),
    ).toBe(true);
    expect(
      simulator()
        .allRuns()
        .filter((run) => run.tenant === 'pk_live_race'),
    ).toHaveLength(1);
    expect(simulator().tenant('pk_live_race').credits).toBe(1_000 - 25);
  });
});

describe('concurrent cancels of one run', () => {
  it('puffle: exactly one of 200 concurrent cancels succeeds; the others get 409 run_not_cancellable', async () => {
    const { senders, simulator } = inProcess(0xc1_0001);
    const auth = puffleAuth('pk_live_cancel');
    const created = await call(senders.puffle, 'POST', '/api/enrichment', auth, {
      enrichmentId: 'website_overview',
      scope: { type: 'list', listId: 'list_accounts' },
      input: {},
    });
    const performed = countCancels(simulator());
    const answers = await race(200, () =>
      call(senders.puffle, 'POST', `/api/enrichment/${(created.json as Json).runId}/cancel`, auth),
    );
    expect(countBy(answers.map((answer) => `${answer.status} ${answer.json.reason ?? ''}`.trim()))).toEqual(
      new Map([
        ['200', 1],
        ['409 run_not_cancellable', 199],
      ]),
    );
    expect(performed()).toBe(1);
  });

  it('sendkit: exactly one of 200 concurrent cancels succeeds; the others get 400 naming the cancelled status', async () => {
    const { senders, simulator } = inProcess(0xc1_0002);
    const auth = { 'x-api-key': 'sk_cancel' };
    const leads = (await call(senders.sendkit, 'GET', '/v1/leads?limit=20', auth)).json as Json;
    const enriched = await call(senders.sendkit, 'POST', '/v1/enrichment/enrich', auth, {
      leadIds: leads.data.leads.map((lead: { id: string }) => lead.id),
      enrichmentTypes: ['phoneEnrichment'],
    });
    const jobId = (enriched.json as Json).data.jobs[0].jobId;
    const performed = countCancels(simulator());
    const answers = await race(200, () =>
      call(senders.sendkit, 'POST', `/v1/enrichment/jobs/${jobId}/cancel`, auth),
    );
    expect(countBy(answers.map((answer) => answer.status))).toEqual(
      new Map([
        [200, 1],
        [400, 199],
      ]),
    );
    expect(
      answers
        .filter((answer) => answer.status === 400)
        .every((answer) => /cancel/i.test(answer.json.error.message)),
    ).toBe(true);
    expect(performed()).toBe(1);
  });

  it('exa: 200 concurrent cancels of one Enrichment cancel it once; every answer (cancel is idempotent) shows the same canceled Enrichment', async () => {
    const { senders, simulator } = inProcess(0xc1_0003);
    const auth = { 'x-api-key': 'exa_cancel' };
    const webset = (
      await call(senders.exa, 'POST', '/websets/v0/websets', auth, {
        search: { query: 'VPs of engineering at logistics companies', count: 10, entity: { type: 'person' } },
        enrichments: [{ description: 'Work email', format: 'email' }],
      })
    ).json as Json;
    const enrichment = webset.enrichments[0].id;
    const performed = countCancels(simulator());
    const answers = await race(200, () =>
      call(senders.exa, 'POST', `/websets/v0/websets/${webset.id}/enrichments/${enrichment}/cancel`, auth),
    );
    expect(countBy(answers.map((answer) => `${answer.status} ${answer.json.status}`))).toEqual(
      new Map([['200 canceled', 200]]),
    );
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(performed()).toBe(1);
  });
});

describe('credits under racing creates', () => {
  /** A tenant with few credits, many concurrent creates of random sizes: never more charged than held. */
  const property = (
    name: 'puffle' | 'sendkit' | 'exa',
    create: (send: Send, key: string, size: number, mock: EnrichmentMock) => Promise<Answer>,
    costOf: (answer: Answer & { json: Json }, size: number) => number,
  ) =>
    fc.asyncProperty(
      fc.integer({ min: 0, max: 40 }),
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 60, maxLength: 120 }),
      async (initial, sizes) => {
        const { mock, senders, simulator } = inProcess(initial);
        const key = name === 'puffle' ? 'pk_live_poor' : name === 'sendkit' ? 'sk_poor' : 'exa_poor';
        if (name === 'sendkit') await call(senders.sendkit, 'GET', '/v1/leads?limit=1', { 'x-api-key': key });
        mock.tenant(key).setCredits(initial);
        sent += sizes.length;
        const answers = (await Promise.all(
          sizes.map((size) => create(senders[name], key, size, mock)),
        )) as (Answer & { json: Json })[];
        expect(
          answers.every((answer) => [200, 201, 402].includes(answer.status)),
          JSON.stringify(Object.fromEntries(countBy(answers.map((a) => a.status)))),
        ).toBe(true);
        const charged = answers.reduce(
          (total, answer, i) => total + (answer.status < 300 ? costOf(answer, sizes[i] ?? 0) : 0),
          0,
        );
        const balance = simulator().tenant(key).credits;
        expect(charged).toBeLessThanOrEqual(initial);
        expect(balance).toBeGreaterThanOrEqual(0);
        expect(balance).toBe(initial - charged);
      },
    );

  it('puffle: total charged never exceeds the balance and the balance never goes negative [seed 0xc2_0001]', async () => {
    await fc.assert(
      property(
        'puffle',
        (send, key, size, mock) =>
          call(send, 'POST', '/api/enrichment', puffleAuth(key), {
            enrichmentId: 'phone_number',
            scope: {
              type: 'explicit_leads',
              leadIds: mock.tenant(key).describe().lists[0]?.leadIds.slice(0, size),
            },
            input: {},
          }),
        (answer) => answer.json.leadCount,
      ),
      { seed: 0xc2_0001, numRuns: 4 },
    );
  });

  it('sendkit: total charged never exceeds the balance and the balance never goes negative [seed 0xc2_0002]', async () => {
    await fc.assert(
      property(
        'sendkit',
        async (send, key, size) => {
          const leads = (
            (await call(send, 'GET', `/v1/leads?limit=${size}`, { 'x-api-key': key })).json as Json
          ).data.leads;
          return call(
            send,
            'POST',
            '/v1/enrichment/enrich',
            { 'x-api-key': key },
            {
              leadIds: leads.map((lead: { id: string }) => lead.id),
              enrichmentTypes: size % 2 === 0 ? ['email', 'espDetection'] : ['phoneEnrichment'],
            },
          );
        },
        (answer) =>
          answer.json.data.jobs.reduce(
            (total: number, job: { creditsUsed: number }) => total + job.creditsUsed,
            0,
          ),
      ),
      { seed: 0xc2_0002, numRuns: 4 },
    );
  });

  it('exa: total charged never exceeds the balance and the balance never goes negative [seed 0xc2_0003]', async () => {
    await fc.assert(
      property(
        'exa',
        (send, key, size) =>
          call(
            send,
            'POST',
            '/websets/v0/websets',
            { 'x-api-key': key },
            {
              search: { query: 'Heads of growth at marketplaces', count: size, entity: { type: 'person' } },
              enrichments: [{ description: 'Work email', format: 'email' }],
            },
          ),
        (_answer, size) => size,
      ),
      { seed: 0xc2_0003, numRuns: 4 },
    );
  });

  it('puffle and sendkit over HTTP: 150 concurrent creates against 40 credits charge at most 40', async () => {
    const server: HardeningServer = await startHardeningServer({ seed: 0xc2_0004, adminToken: ADMIN_TOKEN });
    try {
      const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
      const leads = (
        (await call(server.send, 'GET', '/v1/leads?limit=7', { 'x-api-key': 'sk_poor' })).json as Json
      ).data.leads;
      for (const key of ['pk_live_poor', 'sk_poor'])
        expect(
          (await call(server.send, 'PUT', `/__admin/tenants/${key}`, admin, { credits: 40 })).status,
        ).toBe(200);
      const answers = await race(150, (index) =>
        index % 2 === 0
          ? call(
              server.send,
              'POST',
              '/api/enrichment',
              puffleAuth('pk_live_poor'),
              listRun({ enrichmentId: 'website_overview', scope: { type: 'list', listId: 'list_accounts' } }),
            )
          : call(
              server.send,
              'POST',
              '/v1/enrichment/enrich',
              { 'x-api-key': 'sk_poor' },
              { leadIds: leads.map((lead: { id: string }) => lead.id), enrichmentTypes: ['email'] },
            ),
      );
      expect(answers.every((answer) => answer.status === 200 || answer.status === 402)).toBe(true);
      const { simulator } = contextOf(server);
      const puffleWins = answers.filter((answer, i) => i % 2 === 0 && answer.status === 200).length;
      const sendkitWins = answers.filter((answer, i) => i % 2 === 1 && answer.status === 200).length;
      expect(puffleWins).toBe(4); // 10 accounts per run
      expect(sendkitWins).toBe(5); // 7 leads per job
      expect(simulator.tenant('pk_live_poor').credits).toBe(0);
      expect(simulator.tenant('sk_poor').credits).toBe(5);
    } finally {
      await server.close();
    }
  });
});
