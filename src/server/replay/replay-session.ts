import { faultedAnswer } from '../../adapter/transport-fault.js';
import { createVendorPipeline } from '../../adapter/vendor-pipeline.js';
import { createVirtualClock } from '../../core/clock.js';
import { createRuntime } from '../../runtime/mock-runtime.js';
import type { JournalEntry } from '../../runtime/journal.js';
import { createVendors } from '../../vendors/registry.js';
import { createAdminApi } from '../admin/admin-api.js';
import { resultAnswer, type Answer } from '../../http/answer.js';
import { headerReaderOf, type PlainRequest } from '../../http/plain-request.js';
import { packageVersion } from '../package-version.js';
import { mountOf } from '../mount-of.js';
import { runtimeReport } from '../../conformance/runtime-report.js';
import { createScenarioRegistry } from '../scenario-registry.js';
import { unrouted } from '../unrouted.js';
import { compareAnswers } from './compare-answers.js';
import type { RecordedExchange, RecordedSession } from './read-har.js';

/** Control API calls whose answers depend on the wall clock or on the journal itself: not replayed. */
const NOT_REPLAYED = new Set(['adminGetHealth', 'adminGetJournal', 'adminClearJournal']);

/** Headers that belong to one connection, not to the request. */
const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'expect',
  'upgrade',
  'te',
  'trailer',
]);

export interface ReplayOptions {
  /** Scenario name or path; default the one recorded in the HAR. */
  scenario?: string;
  /** Seed; default the one recorded in the HAR. */
  seed?: number;
}

/** One recorded exchange the replay answered differently. */
export interface ReplayDifference {
  exchange: RecordedExchange;
  differences: string[];
}

export type ReplayReport =
  | {
      ok: true;
      scenario: string;
      seed: number;
      replayed: number;
      skipped: number;
      differences: ReplayDifference[];
      warnings: string[];
    }
  | { ok: false; message: string };

/** Who answers a recorded request: what the server recorded, else the mount of its path. */
function routeOf(
  exchange: RecordedExchange,
  mounts: { vendor: JournalEntry['vendor']; basePath: string }[],
): JournalEntry['vendor'] {
  return exchange.vendor ?? mountOf(exchange.target, mounts)?.vendor ?? 'unknown';
}

/** A recorded request as the pipeline and the control API take it. */
function toRequest(exchange: RecordedExchange): PlainRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of exchange.headers) {
    const key = name.toLowerCase();
    if (!HOP_BY_HOP.has(key)) headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
  }
  const withBody = exchange.body !== null && exchange.method !== 'GET' && exchange.method !== 'HEAD';
  return {
    method: exchange.method,
    url: new URL(`http://enrichment-mock${exchange.target}`),
    headers: headerReaderOf(headers),
    body: withBody && exchange.body !== null ? new TextEncoder().encode(exchange.body) : null,
  };
}

/**
 * Replays a recorded session against a fresh in-process mock on a virtual clock: before each request the
 * clock moves to the instant the request was recorded at, vendor requests go to the msw handlers, control
 * API calls to the same control API code the server runs (health and journal calls are skipped: their
 * answers depend on the wall clock and the journal), and each response is compared with the recorded one.
 *
 * @example
 * const report = await replaySession(session, { seed: 7 });
 * if (report.ok) console.log(report.differences.length);
 */
export async function replaySession(
  session: RecordedSession,
  options: ReplayOptions = {},
): Promise<ReplayReport> {
  const scenarioSource = options.scenario ?? session.scenario ?? 'default';
  const seed = options.seed ?? session.seed ?? undefined;
  const scenarios = createScenarioRegistry(seed === undefined ? {} : { seed });
  const selected = scenarios.select(scenarioSource);
  if (!selected.ok) return { ok: false, message: selected.message };
  // Built as the server builds its runtime (scenario names resolve through the same registry), on a
  // virtual clock and without a journal: the replay compares answers.
  const clock = createVirtualClock(selected.scenario.startAtMs);
  const runtime = createRuntime({
    scenario: selected.scenario,
    resolveScenario: (name) => scenarios.resolve(name),
    clock,
  });
  const definitions = createVendors();
  const pipelines = new Map(
    definitions.map((definition) => [definition.vendor, createVendorPipeline(definition, runtime)]),
  );
  const admin = createAdminApi({
    runtime,
    scenarios,
    version: packageVersion(),
    uptimeMs: () => 0,
    recording: { scenario: scenarioSource, seed: selected.scenario.seed, baseUrl: 'http://enrichment-mock' },
    // A replay makes no webhook deliveries: its report judges the replayed exchanges alone.
    report: (filter) => runtimeReport(runtime, [], filter),
  });
  const mounts: { vendor: JournalEntry['vendor']; basePath: string }[] = [
    { vendor: 'admin', basePath: '/__admin' },
    ...definitions.map(({ vendor, basePath }) => ({ vendor, basePath })),
  ];

  const warnings: string[] = [];
  if (session.clock === 'real')
    warnings.push(
      'the HAR was recorded with a real clock: run timings will not replay exactly (record with --clock virtual).',
    );
  if (session.dropped > 0)
    warnings.push(
      `the journal had dropped ${session.dropped} older entries: their effects are missing from the replay (raise --journal-limit).`,
    );

  const differences: ReplayDifference[] = [];
  let replayed = 0;
  let skipped = 0;
  for (const exchange of session.exchanges) {
    const route = routeOf(exchange, mounts);
    const request = toRequest(exchange);
    const path = request.url.pathname;
    if (route === 'admin' && NOT_REPLAYED.has(admin.operationOf(exchange.method, path) ?? '')) {
      skipped += 1;
      continue;
    }
    const found: string[] = [];
    if (exchange.virtualTimeMs !== null) {
      const moved = clock.set(exchange.virtualTimeMs);
      if (!moved.ok) found.push(`virtual time: ${moved.message}`);
    }
    // The request id the server gave is used again, so bodies that quote it come out the same.
    const requestId = exchange.response.headers['x-request-id'] ?? runtime.requestId(undefined);
    const pipeline = route === 'admin' || route === 'unknown' ? undefined : pipelines.get(route);
    let answer: Answer | null;
    if (route === 'admin') answer = resultAnswer(await admin.handle(request), requestId);
    else if (pipeline === undefined) answer = resultAnswer(unrouted(exchange.method, path), requestId);
    else {
      const { answer: answered, edge } = pipeline(request, requestId);
      answer = faultedAnswer(edge.fault, answered);
    }
    found.push(...compareAnswers(exchange.response, answer));
    replayed += 1;
    if (found.length > 0) differences.push({ exchange, differences: found });
  }
  return {
    ok: true,
    scenario: selected.scenario.name,
    seed: selected.scenario.seed,
    replayed,
    skipped,
    differences,
    warnings,
  };
}
