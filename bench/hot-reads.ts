/**
 * Hot reads against history (not part of the tests): each read is timed on a mock whose settled history
 * is 1x, 10x and 100x, with the same small amount in flight, so a flat cost shows that a read costs what
 * it returns rather than the history behind it.
 *
 *   npm run bench:hot-reads             (BENCH_BASE=10 BENCH_READS=200 to change the size,
 *                                        BENCH_ONLY=sendkit to time only the reads whose name has it)
 *
 * Reads: Exa `GET /websets/v0/events?limit=10` (history: Websets of 10 Items with one Enrichment each),
 * alone and right after a command on one Webset, the webhook timer's look at the outbox (`deliverDue`
 * with everything delivered), auto-advance's next change, the control API's `GET /__admin/runs?limit=20`
 * and one run's timeline (history: settled Puffle runs), Sendkit's filtered `GET /v1/leads` (history:
 * settled jobs) and its first page while phone jobs are live (history: phone jobs over other leads).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { createEnrichmentMock } from '../src/index.js';
import { nextChangeInstant } from '../src/runtime/advance-to-next-change.js';
import { createRunOperations } from '../src/server/admin/run-operations.js';
import { createRunTimelineOperations } from '../src/server/admin/run-timeline-operations.js';
import { envNumber } from './throughput/config.js';
import { median } from './throughput/report.js';
import { printTable } from './print-table.js';

const BASE = envNumber('BENCH_BASE', 10, 1, 10_000);
const READS = envNumber('BENCH_READS', 200, 10, 100_000);
const HOUR = 3_600_000;
/** History is spread out: each unit starts this long after the previous one, when it has settled. */
const SPACING = 10 * 60_000;

type Mock = ReturnType<typeof createEnrichmentMock>;
const json = (method: string, headers: Record<string, string>, body?: unknown): RequestInit => ({
  method,
  headers: { ...headers, 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
const call = async (url: string, init: RequestInit): Promise<unknown> => {
  const response = await fetch(url, init);
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text}`);
  return JSON.parse(text) as unknown;
};

const EXA = { 'x-api-key': 'exa_bench' };
const exaWebset = (): Promise<unknown> =>
  call(
    'https://api.exa.ai/websets/v0/websets',
    json('POST', EXA, {
      search: { query: 'Heads of revenue operations', count: 10, entity: { type: 'person' } },
      enrichments: [{ description: 'Find the work email address of this person', format: 'email' }],
    }),
  );

const PUFFLE = { authorization: 'Bearer pk_live_bench' };
const puffleRun = (): Promise<{ enrichmentRunId: string }> =>
  call(
    'https://app.puffle.ai/api/enrichment',
    json('POST', PUFFLE, {
      enrichmentId: 'work_email',
      scope: { type: 'list', listId: 'list_prospects' },
      input: {},
    }),
  ) as Promise<{ enrichmentRunId: string }>;

const SENDKIT = { 'x-api-key': 'sk_bench' };
const sendkitJob = async (): Promise<void> => {
  const leads = (await call('https://api.sendkit.ai/v1/leads?limit=25', { headers: SENDKIT })) as {
    data: { leads: { id: string }[] };
  };
  await call(
    'https://api.sendkit.ai/v1/enrichment/enrich',
    json('POST', SENDKIT, { leadIds: leads.data.leads.map((lead) => lead.id), enrichmentTypes: ['email'] }),
  );
};

/** Sendkit phone jobs, one per page of 25 leads (`pages` of them, from the second on), then one over the first page. */
const sendkitPhoneJobs = async (mock: Mock, pages: number): Promise<void> => {
  type Page = { data: { leads: { id: string }[]; pagination: { nextCursor: string | null } } };
  const page = (cursor: string | null): Promise<Page> =>
    call(`https://api.sendkit.ai/v1/leads?limit=25${cursor === null ? '' : `&cursor=${cursor}`}`, {
      headers: SENDKIT,
    }) as Promise<Page>;
  const phoneJob = (leads: { id: string }[]): Promise<unknown> =>
    call(
      'https://api.sendkit.ai/v1/enrichment/enrich',
      json('POST', SENDKIT, { leadIds: leads.map((lead) => lead.id), enrichmentTypes: ['phoneEnrichment'] }),
    );
  const first = await page(null);
  let cursor = first.data.pagination.nextCursor;
  for (let i = 0; i < pages && cursor !== null; i++) {
    const next = await page(cursor);
    await phoneJob(next.data.leads);
    mock.clock.advance(5 * 60_000);
    cursor = next.data.pagination.nextCursor;
  }
  await phoneJob(first.data.leads);
};

/** The control API's run operations over the mock's runtime (the in-process mock serves no `/__admin`). */
const adminOf = (mock: Mock) => ({
  ...createRunOperations({ runtime: mock.runtime }),
  ...createRunTimelineOperations({ runtime: mock.runtime }),
});

/**
 * A hot read: builds `history` units of settled history plus a little in flight, returns the read.
 * `options` are the mock's, when the read needs a bigger world than the default scenario's.
 */
interface HotRead {
  name: string;
  options?: Parameters<typeof createEnrichmentMock>[0];
  setup(mock: Mock, history: number): Promise<() => Promise<unknown>>;
}

/** `history` units of work, SPACING apart, then an hour on so every run they started has settled. */
async function settledHistory(mock: Mock, history: number, unit: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < history; i++) await unit().then(() => mock.clock.advance(SPACING));
  await mock.advance(HOUR);
}

const ONLY = process.env['BENCH_ONLY'];
const READS_UNDER_TEST: HotRead[] = [
  {
    name: 'exa GET /events?limit=10',
    async setup(mock, history) {
      await settledHistory(mock, history, exaWebset);
      await exaWebset();
      return () => call('https://api.exa.ai/websets/v0/events?limit=10', { headers: EXA });
    },
  },
  {
    name: 'exa GET /events?limit=10 right after a command',
    async setup(mock, history) {
      await settledHistory(mock, history, exaWebset);
      const { id } = (await call(
        'https://api.exa.ai/websets/v0/websets',
        json('POST', EXA, { search: { query: 'Heads of sales', count: 10, entity: { type: 'person' } } }),
      )) as { id: string };
      let edits = 0;
      return async () => {
        edits += 1;
        await call(
          `https://api.exa.ai/websets/v0/websets/${id}`,
          json('POST', EXA, { metadata: { edits: `${edits}` } }),
        );
        return call('https://api.exa.ai/websets/v0/events?limit=10', { headers: EXA });
      };
    },
  },
  {
    name: 'webhook timer look (deliverDue)',
    async setup(mock, history) {
      await call(
        'https://api.exa.ai/websets/v0/webhooks',
        json('POST', EXA, { events: ['webset.item.enriched', 'webset.idle'], url: receiverUrl }),
      );
      await settledHistory(mock, history, exaWebset);
      return () => mock.webhooks.deliverDue();
    },
  },
  {
    name: 'auto-advance next change',
    async setup(mock, history) {
      await settledHistory(mock, history, puffleRun);
      await puffleRun();
      return () => Promise.resolve(nextChangeInstant(mock.runtime));
    },
  },
  {
    name: 'admin GET /__admin/runs?limit=20',
    async setup(mock, history) {
      await settledHistory(mock, history, puffleRun);
      // A full page at every size: twenty runs in flight.
      for (let i = 0; i < 20; i++) await puffleRun();
      const admin = adminOf(mock);
      return () =>
        Promise.resolve(admin.adminListRuns({ params: {}, query: { limit: 20 }, body: undefined }));
    },
  },
  {
    name: 'admin run timeline (limit=20)',
    async setup(mock, history) {
      await settledHistory(mock, history, puffleRun);
      const { enrichmentRunId } = await puffleRun();
      const admin = adminOf(mock);
      const input = { params: { id: enrichmentRunId }, query: { from: 0, limit: 20 }, body: undefined };
      return () => Promise.resolve(admin.adminGetRunTimeline(input));
    },
  },
  {
    name: 'sendkit GET /v1/leads?limit=25, phone jobs live',
    options: {
      overrides: {
        world: {
          tenants: {
            sk_bench: {
              lists: [
                {
                  id: 'list_big',
                  name: 'Big',
                  subject: 'person',
                  generate: 25 * (BASE * 100 + 2),
                  leads: [],
                },
              ],
            },
          },
        },
      },
    },
    async setup(mock, history) {
      await sendkitPhoneJobs(mock, history);
      return () => call('https://api.sendkit.ai/v1/leads?limit=25', { headers: SENDKIT });
    },
  },
  {
    name: 'sendkit GET /v1/leads?emailVerified=true&limit=10',
    async setup(mock, history) {
      await settledHistory(mock, history, sendkitJob);
      return () => call('https://api.sendkit.ai/v1/leads?emailVerified=true&limit=10', { headers: SENDKIT });
    },
  },
];

/** Microseconds per read: the median of five batches. */
async function time(read: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await read();
  const batches: number[] = [];
  for (let batch = 0; batch < 5; batch++) {
    const started = performance.now();
    for (let i = 0; i < READS / 5; i++) await read();
    batches.push(((performance.now() - started) * 1_000) / (READS / 5));
  }
  return median(batches);
}

// Deliveries leave the process through the real fetch: a local receiver that accepts them all.
const receiver = createServer((request, response) => {
  request.resume();
  request.on('end', () => response.writeHead(204).end());
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/in`;
const server = setupServer();
server.listen({ onUnhandledRequest: 'bypass' });
const rows: string[][] = [];
for (const hot of READS_UNDER_TEST.filter((read) => ONLY === undefined || read.name.includes(ONLY))) {
  const costs: number[] = [];
  for (const factor of [1, 10, 100]) {
    const mock = createEnrichmentMock({ scenario: 'default', seed: 7, ...hot.options });
    server.use(...mock.handlers);
    for (const key of ['exa_bench', 'pk_live_bench', 'sk_bench']) mock.tenant(key).setCredits(1e9);
    const read = await hot.setup(mock, BASE * factor);
    costs.push(await time(read));
    server.resetHandlers();
  }
  const [one = 0, , hundred = 0] = costs;
  rows.push([hot.name, ...costs.map((us) => us.toFixed(0)), (hundred / one).toFixed(2)]);
}
server.close();
receiver.close();

printTable(
  ['read', `µs @1x (${BASE})`, `µs @10x (${BASE * 10})`, `µs @100x (${BASE * 100})`, '100x/1x'],
  rows,
);
