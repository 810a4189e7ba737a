/** Turns the per-round samples into the printed table and the target verdicts. */
import type { Sample } from './load.js';
import { TOOL_LABELS, type ToolName } from './targets.js';
import type { WorkloadName } from './workloads.js';

export interface Row {
  workload: WorkloadName;
  tool: ToolName;
  label: string;
  rounds: Sample[];
}

export interface Summary extends Pick<
  Sample,
  'p50' | 'p99' | 'errors' | 'non2xx' | 'statuses' | 'bytesPerResponse'
> {
  workload: WorkloadName;
  tool: ToolName;
  label: string;
  rps: number;
  rpsPerRound: number[];
  /** Server CPU use during the measurement, % of one core (median of rounds). */
  serverCpuPercent: number;
  /** Server CPU time per completed request, microseconds (median of rounds). */
  serverCpuPerRequestUs: number;
}

/** Median; for an even count, the mean of the two middle values. */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

export function summarise(row: Row): Summary {
  const statuses: Record<string, number> = {};
  for (const sample of row.rounds) {
    for (const [code, count] of Object.entries(sample.statuses))
      statuses[code] = (statuses[code] ?? 0) + count;
  }
  return {
    workload: row.workload,
    tool: row.tool,
    label: row.label,
    rps: median(row.rounds.map((sample) => sample.rps)),
    rpsPerRound: row.rounds.map((sample) => sample.rps),
    p50: median(row.rounds.map((sample) => sample.p50)),
    p99: median(row.rounds.map((sample) => sample.p99)),
    errors: row.rounds.reduce((sum, sample) => sum + sample.errors, 0),
    non2xx: row.rounds.reduce((sum, sample) => sum + sample.non2xx, 0),
    statuses,
    bytesPerResponse: median(row.rounds.map((sample) => sample.bytesPerResponse)),
    serverCpuPercent: median(row.rounds.map((sample) => (100 * sample.serverCpuSeconds) / sample.seconds)),
    serverCpuPerRequestUs: median(
      row.rounds.map((sample) => (1e6 * sample.serverCpuSeconds) / sample.requests),
    ),
  };
}

const int = (value: number): string =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '-';
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)}` : '-');
const ratio = (value: number, base: number | undefined): string =>
  base && Number.isFinite(value) ? `${(value / base).toFixed(2)}x` : '-';

/** The table: one line per workload and tool, ratios against plain express and Prism of the same workload. */
export function formatTable(summaries: Summary[]): string {
  const header = [
    'workload',
    'tool',
    'req/s (median)',
    'req/s per round',
    'p50 ms',
    'p99 ms',
    'errors',
    'non-2xx',
    'bytes/resp',
    'srv CPU %',
    'srv CPU us/req',
    'vs express',
    'vs msw',
    'vs Prism',
  ];
  const lines = summaries.map((summary) => {
    const base = (tool: ToolName): number | undefined =>
      summaries.find((other) => other.workload === summary.workload && other.tool === tool)?.rps;
    const non2xx = Object.entries(summary.statuses)
      .map(([code, count]) => `${code}:${count}`)
      .join(' ');
    return [
      summary.workload,
      summary.label,
      int(summary.rps),
      summary.rpsPerRound.map(int).join(' / '),
      ms(summary.p50),
      ms(summary.p99),
      int(summary.errors),
      summary.non2xx === 0 ? '0' : `${int(summary.non2xx)} (${non2xx})`,
      int(summary.bytesPerResponse),
      int(summary.serverCpuPercent),
      int(summary.serverCpuPerRequestUs),
      ratio(summary.rps, base('express')),
      ratio(summary.rps, base('msw-express')),
      ratio(summary.rps, base('prism')),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const numeric = new Set([2, 4, 5, 6, 8, 9, 10, 11, 12, 13]);
  const render = (cells: string[]): string =>
    '| ' +
    cells
      .map((cell, column) =>
        numeric.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join(' | ') +
    ' |';
  const rule =
    '|' +
    widths
      .map((width, column) => (numeric.has(column) ? '-'.repeat(width + 1) + ':' : '-'.repeat(width + 2)))
      .join('|') +
    '|';
  return [render(header), rule, ...lines.map(render)].join('\n');
}

/**
 * The targets (polling) and where enrichment-mock stands against the others, by throughput and,
 * as a cross-check that holds up better on a busy machine, by server CPU time per request.
 */
export function formatTargets(summaries: Summary[]): string {
  const lines: string[] = [];
  const oursLabels = [...new Set(summaries.filter((s) => s.tool === 'enrichment-mock').map((s) => s.label))];
  const width = Math.max(0, ...oursLabels.map((label) => label.length));
  const check = (workload: WorkloadName, tool: ToolName, target: number | undefined): void => {
    const theirs = summaries.find((summary) => summary.workload === workload && summary.tool === tool);
    for (const label of oursLabels) {
      const ours = summaries.find((summary) => summary.workload === workload && summary.label === label);
      if (!ours || !theirs?.rps) continue;
      const value = ours.rps / theirs.rps;
      const cpu = theirs.serverCpuPerRequestUs / ours.serverCpuPerRequestUs;
      const verdict =
        target === undefined ? '' : `  ${value >= target ? 'PASS' : 'FAIL'} (target >= ${target}x)`;
      lines.push(
        `${workload.padEnd(8)} ${label.padEnd(width)} vs ${TOOL_LABELS[tool].padEnd(15)} req/s ${value.toFixed(2)}x` +
          (Number.isFinite(cpu) ? `   CPU-per-request ${cpu.toFixed(2)}x` : '') +
          verdict,
      );
    }
  };
  check('polling', 'prism', 1.5);
  check('polling', 'express', 0.7);
  check('polling', 'node-http', undefined);
  check('polling', 'msw-express', undefined);
  check('polling', 'wiremock', undefined);
  check('mixed', 'express', 0.6);
  check('mixed', 'node-http', undefined);
  check('mixed', 'prism', undefined);
  check('mixed', 'msw-express', undefined);
  check('mixed', 'wiremock', undefined);
  return lines.length === 0
    ? ''
    : `${lines.join('\n')}\n(CPU-per-request x = their server CPU per request / ours: above 1 means we spend less.)`;
}
