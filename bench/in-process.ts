/**
 * In-process overhead: the first request of a fresh mock (compiling the documents, loading the scenario),
 * a whole create-poll-read lifecycle on a fresh mock after that, and the cost per request of
 * enrichment-mock's handlers under msw's `setupServer` against a trivial msw handler that returns the same
 * JSON. Interleaved rounds, medians, and the ratio.
 *
 *   npm run bench:in-process            (BENCH_REQUESTS=2000 BENCH_ROUNDS=5 to change the size)
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createEnrichmentMock } from '../src/index.js';
import { envNumber } from './throughput/config.js';
import { median } from './throughput/report.js';

const REQUESTS = envNumber('BENCH_REQUESTS', 2_000, 1, 1_000_000);
const ROUNDS = envNumber('BENCH_ROUNDS', 5, 1, 100);
const KEY = 'pk_live_bench';
const ORIGIN = 'https://app.puffle.ai';

const CREATE: RequestInit = {
  method: 'POST',
  headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
  body: JSON.stringify({
    enrichmentId: 'work_email',
    scope: { type: 'list', listId: 'list_prospects' },
    input: {},
  }),
};

/** A fresh mock's create, then a poll and a page of items once it runs: a client test's lifecycle. */
async function lifecycle(): Promise<{
  mock: ReturnType<typeof createEnrichmentMock>;
  runId: string;
  firstMs: number;
}> {
  const started = performance.now();
  const fresh = createEnrichmentMock({ scenario: 'default', seed: 1 });
  const server = setupServer(...fresh.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const created = await fetch(`${ORIGIN}/api/enrichment`, CREATE);
    const id = ((await created.json()) as { enrichmentRunId: string }).enrichmentRunId;
    const firstMs = performance.now() - started;
    await fresh.advance(1_500); // running: the polling workload's state
    const auth = { headers: { authorization: `Bearer ${KEY}` } };
    await (await fetch(`${ORIGIN}/api/enrichment/${id}`, auth)).text();
    await (await fetch(`${ORIGIN}/api/enrichment/${id}/items?limit=3`, auth)).text();
    return { mock: fresh, runId: id, firstMs };
  } finally {
    server.close();
  }
}

const firstStarted = performance.now();
const { mock, runId, firstMs } = await lifecycle();
const firstLifecycleMs = performance.now() - firstStarted;
const laterLifecycles: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const started = performance.now();
  await lifecycle();
  laterLifecycles.push(performance.now() - started);
}
const statusUrl = `${ORIGIN}/api/enrichment/${runId}`;
const sample = await (
  await fetchThrough(mock.handlers, statusUrl, { headers: { authorization: `Bearer ${KEY}` } })
).text();
const trivial = [
  http.get(`${ORIGIN}/api/enrichment/:id`, () =>
    HttpResponse.text(sample, { headers: { 'content-type': 'application/json' } }),
  ),
];

/** One fetch through a short-lived msw server holding `handlers`. */
async function fetchThrough(
  handlers: Parameters<typeof setupServer>,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    return await fetch(url, init);
  } finally {
    server.close();
  }
}

async function timeRound(handlers: Parameters<typeof setupServer>): Promise<number> {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const response = await fetch(statusUrl, { headers: { authorization: `Bearer ${KEY}` } });
    if (response.status !== 200) throw new Error(`unexpected status ${response.status}`);
    await response.text();
  }
  const elapsed = performance.now() - started;
  server.close();
  return (elapsed * 1000) / REQUESTS;
}

const ours: number[] = [];
const baseline: number[] = [];
await timeRound(mock.handlers); // warm-up
await timeRound(trivial);
for (let round = 0; round < ROUNDS; round++) {
  baseline.push(await timeRound(trivial));
  ours.push(await timeRound(mock.handlers));
}
console.log(
  `Fresh mock: first request (create) ${firstMs.toFixed(1)} ms, first create-poll-read lifecycle ${firstLifecycleMs.toFixed(1)} ms; later fresh-mock lifecycles median ${median(laterLifecycles).toFixed(1)} ms`,
);
const rows = [
  ['trivial msw handler (same JSON)', median(baseline)],
  ['enrichment-mock Puffle status', median(ours)],
] as const;
console.log(
  `In-process overhead: GET ${'/api/enrichment/{id}'} of a running run, ${REQUESTS} sequential fetches x ${ROUNDS} interleaved rounds`,
);
console.log('handler                             median µs/request');
for (const [name, value] of rows) console.log(`${name.padEnd(36)}${value.toFixed(1).padStart(10)}`);
console.log(
  `ratio (ours / trivial): ${(median(ours) / median(baseline)).toFixed(2)}x; our handler's own cost ≈ ${(median(ours) - median(baseline)).toFixed(1)} µs/request`,
);
