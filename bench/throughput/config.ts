/** The bench's knobs, all from environment variables (see bench/README.md). */
import { TOOLS, type ToolName } from './targets.js';
import { WORKLOADS, type WorkloadName } from './workloads.js';

export interface BenchConfig {
  /** Seconds per measurement (BENCH_DURATION, default 10). */
  durationSeconds: number;
  /** Interleaved rounds: every tool once per workload per round (BENCH_ROUNDS, default 2). */
  rounds: number;
  /** autocannon connections (BENCH_CONNECTIONS, default 32). */
  connections: number;
  /** Unmeasured seconds of each workload per tool before round 1 (BENCH_WARMUP, default 5; 0 = none). */
  warmupSeconds: number;
  /** BENCH_TOOLS, comma-separated; default all five. */
  tools: ToolName[];
  /** BENCH_WORKLOADS, comma-separated; default `polling,mixed`. */
  workloads: WorkloadName[];
  /** Distinct running runs the polling workload cycles through (BENCH_POLL_RUNS, default 32). */
  pollRuns: number;
  /** Prism's --verboseLevel (BENCH_PRISM_LOG, default `silent`: no request logging, like the other tools). */
  prismLogLevel: string;
  /**
   * Node servers to run under `node --cpu-prof`, printing where their CPU goes during the measured windows:
   * BENCH_PROFILE=1 means enrichment-mock; or a comma-separated subset of `enrichment-mock,express,msw-express`.
   */
  profile: ProfiledTool[];
  /**
   * How enrichment-mock is started (BENCH_OURS): `tsx` (default) runs `node --import tsx src/cli/main.ts
   * serve`, as `npm start` does; `dist` runs the published bin (`node bin/enrichment-mock.js serve`,
   * needs `npm run build`).
   */
  oursEntry: 'tsx' | 'dist';
  /**
   * Checkouts whose enrichment-mock is benched (BENCH_OURS_ROOT, comma-separated; default this one). With
   * several, each is one more contender, interleaved like the others: the way to measure a patch.
   */
  oursRoots: string[];
}

/** An integer knob from the environment variable `name`, checked against [min, max]; `fallback` when unset. */
export function envNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name}=${raw} is not valid: give an integer from ${min} to ${max}.`);
  }
  return value;
}

function list<T extends string>(name: string, allowed: readonly T[]): T[] {
  const raw = process.env[name];
  if (!raw) return [...allowed];
  const values = raw.split(',').map((value) => value.trim());
  const unknown = values.filter((value) => !(allowed as readonly string[]).includes(value));
  if (unknown.length > 0 || values.length === 0) {
    throw new Error(`${name}=${raw} is not valid: use a comma-separated subset of ${allowed.join(',')}.`);
  }
  return allowed.filter((value) => values.includes(value));
}

export const PROFILED_TOOLS = ['express', 'msw-express', 'enrichment-mock'] as const;
export type ProfiledTool = (typeof PROFILED_TOOLS)[number];

function profiled(): ProfiledTool[] {
  const raw = process.env.BENCH_PROFILE ?? '';
  if (raw === '' || /^(0|false|no)$/i.test(raw)) return [];
  if (/^(1|true|yes)$/i.test(raw)) return ['enrichment-mock'];
  return list('BENCH_PROFILE', PROFILED_TOOLS);
}

function oursEntry(): 'tsx' | 'dist' {
  const raw = process.env.BENCH_OURS || 'tsx';
  if (raw !== 'tsx' && raw !== 'dist') throw new Error(`BENCH_OURS=${raw} is not valid: use tsx or dist.`);
  return raw;
}

const PRISM_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

export function readConfig(): BenchConfig {
  const prismLogLevel = process.env.BENCH_PRISM_LOG || 'silent';
  if (!PRISM_LEVELS.includes(prismLogLevel)) {
    throw new Error(`BENCH_PRISM_LOG=${prismLogLevel} is not valid: use one of ${PRISM_LEVELS.join(', ')}.`);
  }
  return {
    durationSeconds: envNumber('BENCH_DURATION', 10, 1, 300),
    rounds: envNumber('BENCH_ROUNDS', 2, 1, 20),
    connections: envNumber('BENCH_CONNECTIONS', 32, 1, 1024),
    warmupSeconds: envNumber('BENCH_WARMUP', 5, 0, 120),
    tools: list('BENCH_TOOLS', TOOLS),
    workloads: list('BENCH_WORKLOADS', WORKLOADS),
    pollRuns: envNumber('BENCH_POLL_RUNS', 32, 1, 1000),
    prismLogLevel,
    profile: profiled(),
    oursEntry: oursEntry(),
    oursRoots: (process.env.BENCH_OURS_ROOT ?? '')
      .split(',')
      .map((root) => root.trim())
      .filter((root) => root !== ''),
  };
}
