/**
 * Soak: minutes of mixed Puffle load (create, poll, items page, cancel) against the real CLI, with a real
 * clock sped up so runs expire during the soak (scenario `expired-jobs`: 10 mock minutes), and a small
 * journal. Prints the server's resident memory and request count every interval: bounded memory means
 * the series levels off instead of climbing.
 *
 *   npm run bench:soak                  (SOAK_SECONDS=180 SOAK_WORKERS=16 SOAK_SAMPLE_SECONDS=15)
 */
import { readFileSync } from 'node:fs';
import { installCleanup } from './throughput/children.js';
import { envNumber } from './throughput/config.js';
import { startEnrichmentMock } from './throughput/targets.js';

const SECONDS = envNumber('SOAK_SECONDS', 180, 1, 3_600);
const WORKERS = envNumber('SOAK_WORKERS', 16, 1, 256);
const SAMPLE_SECONDS = envNumber('SOAK_SAMPLE_SECONDS', 15, 1, 600);
const SPEED = 60; // one real second is a mock minute: the scenario's 10-minute expiry passes every 10 s
const JOURNAL_LIMIT = 2_000;

installCleanup((SECONDS + 120) * 1000);

const { origin, process: server } = await startEnrichmentMock({ oursEntry: 'tsx' }, [
  '--scenario',
  'expired-jobs',
  '--speed',
  String(SPEED),
  '--journal-limit',
  String(JOURNAL_LIMIT),
]);

const rssMiB = (): number => {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
};

let requests = 0;
let failures = 0;
const deadline = performance.now() + SECONDS * 1000;

async function call(
  method: string,
  path: string,
  key: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  requests += 1;
  const response = await fetch(origin + path, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status >= 500) failures += 1;
  return { status: response.status, json: await response.json() };
}

/** One client: create a run, poll it five times, read a page of items, cancel; over and over. */
async function worker(index: number): Promise<void> {
  for (let cycle = 0; performance.now() < deadline; cycle++) {
    const key = `pk_live_soak_${index}_${cycle % 50}`; // tenants come and go: 50 per worker
    const created = await call('POST', '/api/enrichment', key, {
      enrichmentId: 'work_email',
      scope: { type: 'list', listId: 'list_prospects' },
      input: {},
      idempotencyKey: `soak-${index}-${cycle}`,
    });
    const id = (created.json as { enrichmentRunId?: string }).enrichmentRunId;
    if (created.status !== 200 || id === undefined) continue;
    for (let poll = 0; poll < 5; poll++) await call('GET', `/api/enrichment/${id}`, key);
    await call('GET', `/api/enrichment/${id}/items?limit=20`, key);
    await call('POST', `/api/enrichment/${id}/cancel`, key);
  }
}

console.log(
  `Soak: ${SECONDS} s, ${WORKERS} workers, clock x${SPEED}, runs expire after 10 mock minutes, journal limit ${JOURNAL_LIMIT}`,
);
console.log('elapsed s   requests   req/s    5xx   RSS MiB');
const started = performance.now();
let lastRequests = 0;
const sampler = setInterval(() => {
  const elapsed = (performance.now() - started) / 1000;
  const rate = (requests - lastRequests) / SAMPLE_SECONDS;
  lastRequests = requests;
  console.log(
    `${elapsed.toFixed(0).padStart(9)}${String(requests).padStart(11)}${rate.toFixed(0).padStart(8)}${String(failures).padStart(7)}${rssMiB().toFixed(1).padStart(10)}`,
  );
}, SAMPLE_SECONDS * 1000);
console.log(
  `${'0'.padStart(9)}${'0'.padStart(11)}${'-'.padStart(8)}${'0'.padStart(7)}${rssMiB().toFixed(1).padStart(10)}`,
);
await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i)));
clearInterval(sampler);
const health = (await (await fetch(`${origin}/__admin/journal?limit=1`)).json()) as { dropped?: number };
console.log(
  `done: ${requests} requests, ${failures} 5xx, journal dropped ${health.dropped ?? '?'} entries, final RSS ${rssMiB().toFixed(1)} MiB`,
);
await server.stop('SIGINT', 15_000);
