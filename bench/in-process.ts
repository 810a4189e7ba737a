/**
 * In-process overhead: the cost per request of enrichment-mock's handlers under msw's `setupServer`,
 * against a trivial msw handler that returns the same JSON. Interleaved rounds, medians, and the ratio.
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

const mock = createEnrichmentMock({ scenario: 'default', seed: 1 });
const created = await fetchThrough(mock.handlers, `${ORIGIN}/api/enrichment`, {
  method: 'POST',
  headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
  body: JSON.stringify({
    enrichmentId: 'work_email',
    scope: { type: 'list', listId: 'list_prospects' },
    input: {},
  }),
});
const runId = ((await created.json()) as { enrichmentRunId: string }).enrichmentRunId;
await mock.advance(1_500); // running: the polling workload's state
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
