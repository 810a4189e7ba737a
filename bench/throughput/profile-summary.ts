/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): where the busy CPU time goes, optionally only
 * within given time windows (the bench passes its measurement windows, so start-up, set-up and warm-up
 * are left out).
 *
 * Three views, all as shares of busy (non-idle) CPU:
 * - self time by file/package: where the CPU literally was (node internals and natives included);
 * - charged self time, by file and by file:function: the time of node-internal and native frames is charged
 *   to the nearest caller in src/, bench/ or node_modules/ -- "whose code made the CPU do this";
 * - inclusive time by file/package and by src/ function: share of samples with it anywhere on the stack.
 *
 *   npx tsx bench/throughput/profile-summary.ts .bench/profiles/<run>/CPU.....cpuprofile
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toStages } from './profile-stages.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds on the monotonic clock (the same clock as `process.hrtime` in any process here). */
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A stretch of monotonic time in microseconds (`process.hrtime.bigint() / 1000n`). */
export interface TimeWindow {
  startUs: number;
  endUs: number;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const IDLE = new Set(['(idle)', '(root)']);

/**
 * `src/openapi/request-validator.ts`, `node_modules/ajv`, `node:internal`, `(native)` or `(garbage collector)`.
 * The built package's files (`dist/server/exchange.js`, BENCH_OURS=dist) are named by their source file.
 */
export function toLocation(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const absolute = url.startsWith('file://') ? fileURLToPath(url.split('?')[0] ?? url) : url;
  let path = relative(ROOT, absolute);
  // another checkout (BENCH_OURS_ROOT): name its files from its own src/ or bench/
  if (path.startsWith('..') && !path.includes('node_modules/')) {
    const own = Math.max(
      absolute.lastIndexOf('/src/'),
      absolute.lastIndexOf('/dist/'),
      absolute.lastIndexOf('/bench/'),
    );
    if (own >= 0) path = absolute.slice(own + 1);
  }
  if (path.startsWith('dist/')) return path.replace(/^dist\/(.*)\.js$/, 'src/$1.ts');
  const nodeModules = path.lastIndexOf('node_modules/');
  if (nodeModules >= 0) {
    const [scope = '', name = ''] = path.slice(nodeModules + 'node_modules/'.length).split('/');
    return `node_modules/${scope.startsWith('@') ? `${scope}/${name}` : scope}`;
  }
  return path;
}

const isApp = (location: string): boolean =>
  location.startsWith('src/') || location.startsWith('node_modules/');

/** `src/server/deliver.ts deliver`, `node_modules/msw lib/core/...js:108 run`, `node:internal _http_outgoing:410 _storeHeader`. */
function functionKey(frame: CallFrame, location: string): string {
  if (location.startsWith('(') && location !== '(native)') return location;
  const name = frame.functionName || '(anonymous)';
  if (location === '(native)') return `(native) ${name}`;
  if (location.startsWith('src/') || location.startsWith('bench/')) return `${location} ${name}`; // tsx keeps names, not lines
  const path = frame.url.split('?')[0] ?? frame.url;
  const nodeModules = path.lastIndexOf('node_modules/');
  const file =
    nodeModules >= 0
      ? path
          .slice(nodeModules + 'node_modules/'.length)
          .split('/')
          .slice(location.includes('@') ? 2 : 1)
          .join('/')
      : path.replace(/^node:/, '');
  return `${location} ${file}:${frame.lineNumber + 1} ${name}`;
}

export interface ProfileSummary {
  busyMs: number;
  windowMs: number;
  selfByLocation: [string, number][];
  chargedByLocation: [string, number][];
  chargedByFunction: [string, number][];
  inclusiveByLocation: [string, number][];
  inclusiveBySrcFunction: [string, number][];
}

/** Self milliseconds per node id, counting only samples inside `windows` (all samples without windows). */
function selfTimes(profile: CpuProfile, windows: TimeWindow[] | undefined): Map<number, number> {
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (windows && !windows.some((window) => at >= window.startUs && at <= window.endUs)) return;
    self.set(id, (self.get(id) ?? 0) + delta / 1000);
  });
  return self;
}

export function summariseProfile(profile: CpuProfile, windows?: TimeWindow[]): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = selfTimes(profile, windows);
  const tables = {
    selfByLocation: new Map<string, number>(),
    chargedByLocation: new Map<string, number>(),
    chargedByFunction: new Map<string, number>(),
    inclusiveByLocation: new Map<string, number>(),
    inclusiveBySrcFunction: new Map<string, number>(),
  };
  const add = (map: Map<string, number>, key: string, value: number): void => {
    if (value > 0) map.set(key, (map.get(key) ?? 0) + value);
  };
  let busyMs = 0;
  // Depth-first, with what is already on the stack, so recursion and re-entry count once.
  const locationsOnStack = new Map<string, number>();
  const srcFunctionsOnStack = new Map<string, number>();
  const enter = (map: Map<string, number>, key: string): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  const leave = (map: Map<string, number>, key: string): void => {
    const depth = (map.get(key) ?? 1) - 1;
    if (depth === 0) map.delete(key);
    else map.set(key, depth);
  };
  const visit = (node: ProfileNode, appCaller: { location: string; key: string } | undefined): void => {
    const location = toLocation(node.callFrame);
    const key = functionKey(node.callFrame, location);
    const ms = IDLE.has(node.callFrame.functionName) ? 0 : (self.get(node.id) ?? 0);
    const charged = isApp(location) ? { location, key } : (appCaller ?? { location, key });
    busyMs += ms;
    add(tables.selfByLocation, location, ms);
    add(tables.chargedByLocation, charged.location, ms);
    add(tables.chargedByFunction, charged.key, ms);
    enter(locationsOnStack, location);
    if (location.startsWith('src/')) enter(srcFunctionsOnStack, key);
    for (const onStack of locationsOnStack.keys()) add(tables.inclusiveByLocation, onStack, ms);
    for (const onStack of srcFunctionsOnStack.keys()) add(tables.inclusiveBySrcFunction, onStack, ms);
    for (const child of node.children ?? []) {
      const next = byId.get(child);
      if (next) visit(next, isApp(location) ? { location, key } : appCaller);
    }
    leave(locationsOnStack, location);
    if (location.startsWith('src/')) leave(srcFunctionsOnStack, key);
  };
  const root = profile.nodes[0];
  if (root) visit(root, undefined);
  const sorted = (map: Map<string, number>): [string, number][] =>
    [...map.entries()].sort((a, b) => b[1] - a[1]);
  const windowMs = windows
    ? windows.reduce((sum, window) => sum + (window.endUs - window.startUs) / 1000, 0)
    : (profile.endTime - profile.startTime) / 1000;
  return {
    busyMs,
    windowMs,
    selfByLocation: sorted(tables.selfByLocation),
    chargedByLocation: sorted(tables.chargedByLocation),
    chargedByFunction: sorted(tables.chargedByFunction),
    inclusiveByLocation: sorted(tables.inclusiveByLocation).filter(([location]) => !location.startsWith('(')),
    inclusiveBySrcFunction: sorted(tables.inclusiveBySrcFunction),
  };
}

/**
 * The summary as text, opening with the charged time by file/package grouped into the stages of a request
 * (see profile-stages.ts).
 */
export function formatProfileSummary(summary: ProfileSummary): string {
  const top = 25;
  const share = (ms: number): string => `${((100 * ms) / summary.busyMs).toFixed(1).padStart(5)}%`;
  const block = (title: string, rows: [string, number][], count: number): string =>
    [
      title,
      ...rows
        .slice(0, count)
        .map(([key, ms]) => `  ${share(ms)}  ${(ms / 1000).toFixed(2).padStart(6)} s  ${key}`),
    ].join('\n');
  return [
    `busy CPU ${(summary.busyMs / 1000).toFixed(1)} s in ${(summary.windowMs / 1000).toFixed(1)} s of wall time ` +
      `(${((100 * summary.busyMs) / summary.windowMs).toFixed(0)}% of one core); shares below are of busy CPU`,
    block('Charged time by stage:', toStages(summary.chargedByLocation), 20),
    block('Self time by file / package (where the CPU was):', summary.selfByLocation, 12),
    block(
      'Charged time by file / package (node-internal and native time charged to the nearest src/ or node_modules/ caller):',
      summary.chargedByLocation,
      15,
    ),
    block('Charged time by function:', summary.chargedByFunction, top),
    block('Inclusive time by file / package (on the stack):', summary.inclusiveByLocation, 20),
    block('Inclusive time by src/ function (on the stack):', summary.inclusiveBySrcFunction, top),
  ].join('\n\n');
}

export function readProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
}

/** Written by the bench next to a profile: the measured windows of each workload. */
export const WINDOWS_FILE = 'windows.json';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: npx tsx bench/throughput/profile-summary.ts FILE.cpuprofile [...]');
    process.exit(2);
  }
  for (const file of files) {
    const profile = readProfile(file);
    const windowsFile = join(dirname(file), WINDOWS_FILE);
    const byWorkload = existsSync(windowsFile)
      ? (JSON.parse(readFileSync(windowsFile, 'utf8')) as Record<string, TimeWindow[]>)
      : { 'whole profile': undefined };
    for (const [workload, windows] of Object.entries(byWorkload)) {
      console.log(`== ${file}: ${workload}\n${formatProfileSummary(summariseProfile(profile, windows))}\n`);
    }
  }
}
