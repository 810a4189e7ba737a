/**
 * Scale bench for the simulator core (not part of the tests).
 *
 *   npm run bench:core
 *   npx tsx bench/core-scale.ts
 *   node --expose-gc --import tsx bench/core-scale.ts
 *
 * Heap figures need `global.gc`: without `--expose-gc` the script re-runs itself with it.
 * (a) one run over a list of 1,000,000 generated leads: create time, heap per item, ledger time at the
 *     start/middle/end, time to read a page of 100 items at the start/middle/end of the run;
 * (b) 10,000 live runs across 1,000 tenants: create time, per-run ledger time, heap and RSS.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createVirtualClock } from '../src/core/clock.js';
import type { Run, RunRequest } from '../src/core/run.js';
import { runStateAt } from '../src/core/run-state.js';
import { createSimulator } from '../src/core/simulator.js';
import type { Scenario, TimingModel } from '../src/scenario/types.js';
import { byVendor } from '../src/vendors/vendor-descriptors.js';
import { printTable } from './print-table.js';
import { enrichmentFixture } from '../test/core/scenario-fixture.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)],
    {
      stdio: 'inherit',
    },
  );
  process.exit(child.status ?? 1);
}
const collect = (): void => {
  gc?.();
  gc?.();
};

const START = Date.parse('2026-01-01T00:00:00Z');
const MB = 1024 * 1024;

const enrichment = enrichmentFixture();

/** Realistic-ish timing: 1-5 s per attempt, 5% of attempts fail, 3 attempts, 50 at a time. */
const timing: TimingModel = {
  queueWait: { type: 'uniform', minMs: 500, maxMs: 3_000 },
  itemDuration: { type: 'uniform', minMs: 1_000, maxMs: 5_000 },
  concurrency: 50,
  failure: { rate: 0.05, maxAttempts: 3, messages: ['Provider timed out', 'No result'] },
};

function scenario(listSize: number, credits: number): Scenario {
  return {
    name: 'bench',
    description: 'core scale bench',
    seed: 2026,
    startAtMs: START,
    world: {
      defaults: {
        credits,
        lists: [{ id: 'list_bench', name: 'Bench', subject: 'person', generate: listSize, leads: [] }],
        preEnriched: {},
      },
      tenants: {},
      revokedKeys: [],
      catalog: [enrichment],
    },
    timing: { default: timing, profiles: {} },
    races: { beforeCompletionMs: 0, afterCompletionMs: 0, tieBreak: 'completion', cancelAlwaysLoses: false },
    expiry: byVendor(() => null),
    faults: [],
    tolerance: { extraFields: false, nullOptional: false, shuffleKeys: false },
  };
}

const request = (writePolicy: RunRequest['writePolicy'] = 'overwrite'): RunRequest => ({
  vendor: 'puffle',
  enrichment,
  scope: { type: 'list', listId: 'list_bench' },
  input: {},
  outputAttribute: 'workEmail',
  writePolicy,
  ttlMs: null,
  meta: undefined,
});

/** Milliseconds per call of `fn`, over enough calls to take ~`budgetMs`. */
function timePerCall(fn: () => unknown, budgetMs = 200): number {
  fn();
  let calls = 0;
  const begin = performance.now();
  let elapsed = 0;
  do {
    fn();
    calls++;
    elapsed = performance.now() - begin;
  } while (elapsed < budgetMs && calls < 1_000_000);
  return elapsed / calls;
}

const rows: [string, string, string][] = [];
const row = (what: string, value: string, target = ''): void => {
  rows.push([what, value, target]);
};
const ms = (value: number): string => `${value < 0.1 ? value.toFixed(4) : value.toFixed(2)} ms`;

function benchMillionLeadRun(): void {
  const size = 1_000_000;
  const variants = [
    { label: 'overwrite', writePolicy: 'overwrite' as const, earlierRun: false },
    {
      label: 'skip_existing after a finished 1M run',
      writePolicy: 'skip_existing' as const,
      earlierRun: true,
    },
  ];
  for (const { label: variant, writePolicy, earlierRun } of variants) {
    const clock = createVirtualClock(START);
    const sim = createSimulator({ scenario: scenario(size, 10 * size), clock });
    sim.tenant('bench'); // the world (list) exists before we measure the run
    if (earlierRun) {
      const earlier = sim.startRuns('bench', [request()]);
      if (!earlier.ok) throw new Error(`startRuns refused: ${JSON.stringify(earlier.error)}`);
      clock.set(earlier.runs[0]?.schedule.runEnd ?? START);
    }
    collect();
    const heapBefore = process.memoryUsage().heapUsed;
    const begin = performance.now();
    const started = sim.startRuns('bench', [request(writePolicy)]);
    const createMs = performance.now() - begin;
    if (!started.ok) throw new Error(`startRuns refused: ${JSON.stringify(started.error)}`);
    const run = started.runs[0] as Run;
    collect();
    const perItem = (process.memoryUsage().heapUsed - heapBefore) / size;
    const label = `(a) 1M run, ${variant}`;
    row(`${label}: create`, ms(createMs), '< 1000 ms');
    row(`${label}: heap growth per item`, `${perItem.toFixed(3)} B`, '<< 100 B');

    const { runStart, runEnd } = run.schedule;
    const instants = { start: runStart + 1, middle: Math.floor((runStart + runEnd) / 2), end: runEnd - 1 };
    for (const [name, t] of Object.entries(instants)) {
      row(`${label}: runStateAt at ${name}`, ms(timePerCall(() => runStateAt(run, t))), 'fast');
    }
    clock.set(instants.middle);
    const pages = { start: -1, middle: size / 2 - 1, end: size - 101 };
    for (const [name, afterIndex] of Object.entries(pages)) {
      const perPage = timePerCall(() => sim.items(run, { afterIndex, limit: 100 }), 300);
      row(`${label}: page of 100 at ${name} (t = middle)`, ms(perPage), 'O(page)');
    }
    for (const status of ['pending', 'running', 'completed', 'failed', 'skipped'] as const) {
      const perPage = timePerCall(() => sim.items(run, { status, afterIndex: size / 2, limit: 100 }), 300);
      const found = sim.items(run, { status, afterIndex: size / 2, limit: 100 }).items.length;
      row(
        `${label}: page of 100 ${status} from the middle (t = middle, ${found} found)`,
        ms(perPage),
        'O(page)',
      );
    }
  }
}

function benchManyTenants(): void {
  const tenantCount = 1_000;
  const runsPerTenant = 10;
  const clock = createVirtualClock(START);
  const sim = createSimulator({ scenario: scenario(1_000, 100_000), clock });
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  let begin = performance.now();
  for (let i = 0; i < tenantCount; i++) sim.tenant(`tenant_${i}`);
  const tenantMs = performance.now() - begin;
  const runs: Run[] = [];
  begin = performance.now();
  for (let r = 0; r < runsPerTenant; r++) {
    for (let i = 0; i < tenantCount; i++) {
      const started = sim.startRuns(`tenant_${i}`, [request()]);
      if (!started.ok) throw new Error(`startRuns refused: ${JSON.stringify(started.error)}`);
      runs.push(...started.runs);
    }
    clock.advance(1_000);
  }
  const createMs = performance.now() - begin;
  collect();
  const memory = process.memoryUsage();
  const t = clock.advance(30_000);
  const statusMs = timePerCall(() => {
    for (const run of runs) runStateAt(run, t);
  }, 500);
  const label = `(b) ${runs.length} runs x ${tenantCount} tenants`;
  row(`${label}: create tenants`, ms(tenantMs));
  row(`${label}: create runs (total)`, ms(createMs));
  row(`${label}: create per run`, ms(createMs / runs.length));
  row(`${label}: runStateAt per run`, ms(statusMs / runs.length));
  row(`${label}: heap growth`, `${((memory.heapUsed - heapBefore) / MB).toFixed(1)} MB`);
  row(
    `${label}: heap per run (incl. tenants)`,
    `${((memory.heapUsed - heapBefore) / runs.length / 1024).toFixed(2)} KiB`,
  );
  row(
    `${label}: RSS (growth)`,
    `${(memory.rss / MB).toFixed(0)} MB (+${((memory.rss - rssBefore) / MB).toFixed(0)} MB)`,
  );
}

benchMillionLeadRun();
benchManyTenants();

printTable(['measure', 'value', 'target'], rows);
console.log(`\nnode ${process.version}, ${process.platform}/${process.arch}`);
