/**
 * Throughput bench: plain express, msw on express, Prism, WireMock and enrichment-mock side by side on the
 * Puffle polling and mixed workloads, same load generator and settings, interleaved rounds. See bench/README.md.
 *
 *   npm run bench:throughput
 *   BENCH_DURATION=5 BENCH_ROUNDS=3 npm run bench:throughput
 *   BENCH_TOOLS=enrichment-mock BENCH_WORKLOADS=polling BENCH_PROFILE=1 npm run bench:throughput
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installCleanup } from './children.js';
import { readConfig } from './config.js';
import { measure, type Sample } from './load.js';
import { prepareEnrichmentMock, smokeCheck, staticPlan } from './prepare.js';
import {
  formatProfileSummary,
  readProfile,
  summariseProfile,
  WINDOWS_FILE,
  type TimeWindow,
} from './profile-summary.js';
import { formatTable, formatTargets, summarise, type Row } from './report.js';
import { startTarget, TOOL_LABELS, type Target, type ToolName } from './targets.js';
import { MIXED_CYCLE, type WorkloadPlan } from './workloads.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT_DIR = join(ROOT, '.bench');

const config = readConfig();

/** What to start: every tool once, enrichment-mock once per checkout in BENCH_OURS_ROOT. */
interface Contender {
  tool: ToolName;
  label: string;
  oursRoot?: string | undefined;
}
const contenders: Contender[] = config.tools.flatMap((tool): Contender[] => {
  if (tool !== 'enrichment-mock' || config.oursRoots.length === 0)
    return [{ tool, label: TOOL_LABELS[tool] }];
  if (config.oursRoots.length === 1)
    return [{ tool, label: TOOL_LABELS[tool], oursRoot: config.oursRoots[0] }];
  return config.oursRoots.map((root) => ({
    tool,
    label: `${TOOL_LABELS[tool]} (${basename(root)})`,
    oursRoot: root,
  }));
});

const measurements = config.rounds * config.workloads.length * contenders.length;
const warmups = config.workloads.length * contenders.length;
const budgetSeconds =
  measurements * (config.durationSeconds + 5) + warmups * (config.warmupSeconds + 5) + 300;
const targets: Target[] = [];
installCleanup(budgetSeconds * 1000);

const log = (line: string): void => console.log(line);
const loadNote = (when: string): string => {
  const [one = 0] = loadavg();
  const busy = one > cpus().length * 0.5;
  return (
    `load average ${when}: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}` +
    (busy ? ' -- other processes are using the CPU: absolute numbers are low, compare ratios only' : '')
  );
};

log(`# Throughput: ${contenders.map((contender) => contender.label).join(', ')}`);
log(
  `node ${process.version}, ${cpus().length} x ${cpus()[0]?.model.trim() ?? 'cpu'}; autocannon ${config.connections} ` +
    `connections, ${config.durationSeconds} s per measurement, ${config.rounds} interleaved round(s), ` +
    `${config.warmupSeconds} s warm-up; Prism -v ${config.prismLogLevel}` +
    (config.tools.includes('enrichment-mock')
      ? `; enrichment-mock from ${config.oursEntry === 'dist' ? 'dist/ (bin)' : 'src/ via tsx'}` +
        (config.oursRoots.length > 0 ? ` in ${config.oursRoots.join(', ')}` : '')
      : '') +
    (config.profile.length > 0 ? `; under --cpu-prof: ${config.profile.join(', ')}` : ''),
);
log(loadNote('at start'));
log(
  `workloads: polling = GET /api/enrichment/{id} over ${config.pollRuns} running runs; mixed = per connection ` +
    `${MIXED_CYCLE.create} create : ${MIXED_CYCLE.poll} polls : ${MIXED_CYCLE.items} item pages : ${MIXED_CYCLE.cancel} cancel\n`,
);

const profileRoot = join(OUT_DIR, 'profiles', new Date().toISOString().replace(/[:.]/g, '-'));
const profileDirOf = (contender: Contender): string | undefined =>
  (config.profile as readonly string[]).includes(contender.tool)
    ? join(profileRoot, contender.label.replace(/[^\w.-]+/g, '_'))
    : undefined;

for (const contender of contenders) {
  const started = performance.now();
  const target = await startTarget(contender.tool, {
    prismLogLevel: config.prismLogLevel,
    cpuProfileDir: profileDirOf(contender),
    oursEntry: config.oursEntry,
    oursRoot: contender.oursRoot,
    label: contender.label,
  });
  targets.push(target);
  log(
    `started ${target.label} at ${target.origin} (pid ${target.process.pid}, ${Math.round(performance.now() - started)} ms)`,
  );
}

// Each enrichment-mock gets its own running runs; the static tools get the first one's plan (same requests).
const plans = new Map<Target, WorkloadPlan>();
for (const target of targets) {
  if (target.tool === 'enrichment-mock')
    plans.set(target, await prepareEnrichmentMock(target.origin, config.pollRuns));
}
const sharedPlan: WorkloadPlan = plans.values().next().value ?? staticPlan(config.pollRuns);
const planOf = (target: Target): WorkloadPlan => plans.get(target) ?? sharedPlan;
for (const target of targets) await smokeCheck(target.origin, target.label, planOf(target));
log('smoke check passed: every tool answers each request kind with a 200 of the expected shape\n');

if (config.warmupSeconds > 0) {
  for (const target of targets) {
    for (const workload of config.workloads) {
      await measure({
        serverPid: target.process.pid,
        origin: target.origin,
        workload,
        plan: planOf(target),
        connections: config.connections,
        durationSeconds: config.warmupSeconds,
      });
    }
  }
  log(`warm-up done (${config.warmupSeconds} s of each workload per tool, not counted)\n`);
}

const rows: Row[] = [];
/** When each tool was under measured load, per workload, to cut CPU profiles to those windows. */
const windows = new Map<string, TimeWindow[]>();
const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);
for (let round = 1; round <= config.rounds; round++) {
  for (const workload of config.workloads) {
    for (const target of targets) {
      const startUs = nowUs();
      const sample: Sample = await measure({
        origin: target.origin,
        serverPid: target.process.pid,
        workload,
        plan: planOf(target),
        connections: config.connections,
        durationSeconds: config.durationSeconds,
      });
      const windowKey = `${target.label} ${workload}`;
      windows.set(windowKey, [...(windows.get(windowKey) ?? []), { startUs, endUs: nowUs() }]);
      let row = rows.find((candidate) => candidate.workload === workload && candidate.label === target.label);
      if (!row) rows.push((row = { workload, tool: target.tool, label: target.label, rounds: [] }));
      row.rounds.push(sample);
      const bad =
        sample.errors + sample.non2xx > 0 ? `, ${sample.errors} errors, ${sample.non2xx} non-2xx` : '';
      log(
        `round ${round}/${config.rounds}  ${workload.padEnd(7)}  ${target.label.padEnd(15)} ` +
          `${Math.round(sample.rps).toLocaleString('en-US').padStart(7)} req/s  p50 ${sample.p50} ms  p99 ${sample.p99} ms${bad}`,
      );
    }
  }
}

for (const target of targets.splice(0)) await target.stop();
log(loadNote('at end'));

const summaries = rows.map(summarise);
log('\n' + formatTable(summaries));
const verdicts = formatTargets(summaries);
if (verdicts) log('\n' + verdicts);

mkdirSync(OUT_DIR, { recursive: true });
const resultFile = join(OUT_DIR, 'throughput-last.json');
writeFileSync(
  resultFile,
  JSON.stringify({ config, date: new Date().toISOString(), node: process.version, rows }, null, 2),
);
log(`\nraw samples: ${resultFile}`);

for (const contender of contenders) {
  const dir = profileDirOf(contender);
  if (!dir) continue;
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread (tsx's loader has its own)
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')) : [];
  const file = files.find((name) => /\.0\.\d+\.cpuprofile$/.test(name)) ?? files[0];
  if (!file) {
    log(
      `\nno .cpuprofile in ${dir}: ${contender.label} did not exit normally when stopped, so V8 wrote none.`,
    );
    continue;
  }
  const profile = readProfile(join(dir, file));
  const toolWindows = Object.fromEntries(
    config.workloads.flatMap((workload) => {
      const measured = windows.get(`${contender.label} ${workload}`);
      return measured ? [[workload, measured]] : [];
    }),
  );
  writeFileSync(join(dir, WINDOWS_FILE), JSON.stringify(toolWindows, null, 2));
  log(`\n## CPU profile of ${contender.label}: ${relative(ROOT, join(dir, file))}`);
  for (const workload of config.workloads) {
    const measured = windows.get(`${contender.label} ${workload}`);
    if (!measured) continue;
    const summary = formatProfileSummary(summariseProfile(profile, measured));
    log(`\n### ${contender.label}, ${workload} workload (measured windows only)\n${summary}`);
  }
}
process.exit(0);
