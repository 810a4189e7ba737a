import { afterAll, describe, expect, it } from 'vitest';
import { GARBAGE_PAGE } from '../../src/adapter/transport-fault.js';
import type { JournalEntry } from '../../src/runtime/journal.js';
import type { FaultEffect } from '../../src/scenario/types.js';
import { openHarness, TRANSPORTS, type Transport, type TransportHarness } from '../support/mock-harness.js';
import { scenarioWithFaults } from '../support/scenario-variants.js';
import { listRun } from '../vendors/puffle/puffle-api.js';

const CATALOG = 'https://app.puffle.ai/api/enrichments';
const LATENCY_MS = 300;

/** One fault per tenant of the Puffle catalog, so each case picks its fault by its API key. */
const FAULTS: Record<string, FaultEffect> = {
  status: { type: 'status', status: 503 },
  latency: { type: 'latency', ms: LATENCY_MS },
  reset: { type: 'reset' },
  hang: { type: 'hang' },
  truncate: { type: 'truncate' },
  garbage: { type: 'garbage' },
};
const keyOf = (fault: string): string => `pk_live_parity_${fault}`;
const SCENARIO = scenarioWithFaults(
  'transport-parity',
  Object.entries(FAULTS).map(([fault, effect]) => ({
    name: `parity-${fault}`,
    match: { vendor: 'puffle', tenant: keyOf(fault) },
    effect,
  })),
);

/** The same calls, in the same order, through each transport. */
async function drive(harness: TransportHarness) {
  const auth = (fault: string) => ({ headers: { authorization: `Bearer ${keyOf(fault)}` } });
  const results = Object.fromEntries(
    await Promise.all(
      Object.keys(FAULTS).map(async (fault) => {
        const started = performance.now();
        const result = await harness.call('GET', `${CATALOG}?q=email&q=phone`, auth(fault));
        return [fault, { ...result, elapsedMs: performance.now() - started }] as const;
      }),
    ),
  );
  const refused = await harness.call('GET', CATALOG);
  const created = await harness.call('POST', 'https://app.puffle.ai/api/enrichment', {
    ...auth('none'),
    body: listRun('work_email', 'list_prospects'),
  });
  const invalid = await harness.call('POST', 'https://app.puffle.ai/api/enrichment', {
    ...auth('none'),
    rawBody: '{"enrichmentId":',
    headers: { ...auth('none').headers, 'content-type': 'application/json' },
  });
  return { results, refused, created, invalid };
}

/** A journal entry without what differs by nature between transports: times, and the headers a socket adds. */
function comparable(entry: JournalEntry) {
  const sent = ['authorization', 'content-type'];
  const headers = Object.fromEntries(
    Object.entries(entry.request.headers).filter(([name]) => sent.includes(name)),
  );
  const { vendor, scenario, tenant, request, response, virtualTime } = entry;
  return {
    vendor,
    scenario,
    tenant,
    request: { ...request, headers },
    response: { ...response },
    virtualTime,
  };
}

const runs = new Map<Transport, { drove: Awaited<ReturnType<typeof drive>>; journal: JournalEntry[] }>();
const closers: (() => Promise<void>)[] = [];
afterAll(async () => Promise.all(closers.map((close) => close())));

describe.each(TRANSPORTS)('the fault cases through %s', (transport) => {
  const run = async () => {
    let found = runs.get(transport);
    if (!found) {
      const harness = await openHarness(transport, { scenario: SCENARIO, seed: 1501 });
      closers.push(() => harness.close());
      const drove = await drive(harness);
      found = { drove, journal: harness.runtime.journal.entries() };
      runs.set(transport, found);
    }
    return found;
  };

  it('answers a status fault with the vendor error and Retry-After', async () => {
    const { status } = (await run()).drove.results;
    expect(status?.status).toBe(503);
    expect(status?.headers.get('retry-after')).toBe('1');
    expect(status?.json).toMatchObject({ error: expect.any(String) });
  });

  it('waits out latency, then answers', async () => {
    const { latency } = (await run()).drove.results;
    expect(latency?.status).toBe(200);
    expect(latency?.elapsedMs).toBeGreaterThanOrEqual(LATENCY_MS - 20);
  });

  it.each(['reset', 'hang'])('gives a network error for %s', async (fault) => {
    expect((await run()).drove.results[fault]?.status).toBe(0);
  });

  it('cuts a truncated body in half, keeping the status', async () => {
    const { truncate } = (await run()).drove.results;
    expect(truncate?.status).toBe(200);
    expect(truncate?.json).toBeUndefined();
    expect(truncate?.text.length).toBeGreaterThan(0);
  });

  it('answers garbage with an HTML 502', async () => {
    const { garbage } = (await run()).drove.results;
    expect(garbage?.status).toBe(502);
    expect(garbage?.text).toBe(GARBAGE_PAGE);
  });

  it('answers refusals and bad bodies in the vendor shape', async () => {
    const { refused, created, invalid } = (await run()).drove;
    expect(refused.status).toBe(401);
    expect(created.status).toBe(200);
    expect(invalid.status).toBe(400);
  });
});

describe('the journal', () => {
  it('agrees between the in-process handlers and the server, entry by entry', async () => {
    const [inProcess, server] = TRANSPORTS.map((transport) => runs.get(transport)?.journal);
    const order = (entries: JournalEntry[] = []) =>
      entries.map(comparable).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(inProcess?.length).toBe(9);
    expect(order(server)).toStrictEqual(order(inProcess));
  });

  it('keeps repeated query keys and journals what went on the wire', () => {
    const entries = runs.get('server')?.journal ?? [];
    const byTenant = (fault: string) => entries.find((entry) => entry.tenant === keyOf(fault));
    expect(byTenant('status')?.request.query).toStrictEqual({ q: ['email', 'phone'] });
    expect(byTenant('reset')?.response.status).toBe(0);
    expect(byTenant('hang')?.response.status).toBe(0);
    expect(byTenant('truncate')?.response.status).toBe(200);
    expect(byTenant('garbage')?.response.status).toBe(502);
  });
});
