import fc from 'fast-check';
import { getResponse, type HttpHandler } from 'msw';
import { parseJsonText } from '../../support/json-text.js';
import { createAnswerChecker, type Answer } from './answer-check.js';
import { harvest, ownerOf, type IdPool } from './id-pool.js';
import { toFuzzRequest, type FuzzRequest, type RequestPlan } from './request-plan.js';
import type { Target } from './vendor-targets.js';

/** What sending a request led to. */
export type Outcome =
  | { kind: 'answer'; answer: Answer }
  /** No handler took the request: its URL left the API's base path (a raw `..` segment, say). */
  | { kind: 'unhandled' }
  /** Sending threw: a crash inside the mock (in-process) or a broken connection (server). */
  | { kind: 'crash'; error: unknown };

/** Sends requests somewhere: in-process through msw, or over HTTP to a running server. */
export type Send = (request: FuzzRequest) => Promise<Outcome>;

export interface FuzzStats {
  requests: number;
  statuses: Map<number | string, number>;
  /** Requests not sent, by the reason `skip` gave. */
  skipped: Map<string, number>;
  unhandled: number;
  /** Answers by operation, status and error code (`puffleGetEnrichmentRun 404 not_found`). */
  outcomes: Map<string, number>;
}

export const emptyStats = (): FuzzStats => ({
  requests: 0,
  statuses: new Map(),
  skipped: new Map(),
  unhandled: 0,
  outcomes: new Map(),
});

/** The error code of an answer in any of the four error shapes. */
function errorCode(json: unknown): string {
  if (typeof json !== 'object' || json === null) return '';
  const body = json as { code?: unknown; tag?: unknown; error?: unknown };
  const nested =
    typeof body.error === 'object' && body.error !== null
      ? (body.error as { code?: unknown }).code
      : undefined;
  const code = body.code ?? body.tag ?? nested;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : '';
}

const count = <K>(map: Map<K, number>, key: K): void => void map.set(key, (map.get(key) ?? 0) + 1);

/**
 * Sends a request through msw's `getResponse`, as `setupServer` would answer it. The body may hold any
 * bytes; methods a fetch `Request` refuses (`TRACE`, `CONNECT`) are not generated.
 */
export function inProcessSender(handlers: HttpHandler[], origin: string): Send {
  return async (request) => {
    const init: RequestInit = { method: request.method, headers: request.headers };
    if (request.body !== undefined) init.body = request.body;
    const fetchRequest = new Request(`${origin}${request.target}`, init);
    try {
      const response = await getResponse(handlers, fetchRequest);
      if (!response) return { kind: 'unhandled' };
      const text = response.type === 'error' ? '' : await response.text();
      return {
        kind: 'answer',
        answer: { status: response.status, headers: response.headers, text, json: parseJsonText(text) },
      };
    } catch (error) {
      return { kind: 'crash', error };
    }
  };
}

const describeError = (error: unknown): string =>
  error instanceof Error
    ? `${error.name}: ${error.message}\n${error.stack?.split('\n').slice(1, 6).join('\n')}`
    : String(error);

export interface FuzzOptions {
  target: Target;
  send: Send;
  plans: fc.Arbitrary<RequestPlan>;
  pool: IdPool;
  seed: number;
  numRuns: number;
  stats?: FuzzStats;
  /** Extra invariant checked after every request (prototype pollution, ...): a message when broken. */
  invariant?: () => string | undefined;
  /** Why a request must not be sent at all (e.g. one a fetch Request cannot carry), or undefined. */
  skip?: (request: FuzzRequest) => string | undefined;
}

/**
 * Runs a fast-check property that sends one generated request per run and checks its answer against the
 * target's document. Fails with the seed, the request and the problems; fast-check adds its own seed and
 * path so `fc.assert(..., { seed, path })` replays the failure. Shrinking is off: the mock is stateful.
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzStats> {
  const { target, send, pool, seed } = options;
  const stats = options.stats ?? emptyStats();
  const check = createAnswerChecker(target);
  const property = fc.asyncProperty(options.plans, async (plan) => {
    const request = toFuzzRequest(target, plan, pool);
    const skipped = options.skip?.(request);
    if (skipped !== undefined) {
      count(stats.skipped, skipped);
      return;
    }
    const outcome = await send(request);
    stats.requests += 1;
    const pathname = new URL(request.target, 'http://fuzz.invalid').pathname;
    if (!pathname.startsWith(`${target.basePath}/`)) {
      // The URL left the API (a raw `..`): in-process nothing answers, a server answers for itself.
      if (outcome.kind === 'answer' && outcome.answer.status >= 500)
        throw new Error(
          `[fuzz seed ${seed}] ${request.label}\n-> ${outcome.answer.status} ${outcome.answer.text.slice(0, 600)}`,
        );
      stats.unhandled += 1;
      return;
    }
    if (outcome.kind === 'unhandled')
      throw new Error(
        `[fuzz seed ${seed}] ${request.label}\nNo handler answered a request under ${target.basePath}/.`,
      );
    if (outcome.kind === 'crash')
      throw new Error(
        `[fuzz seed ${seed}] ${request.label}\nThe mock crashed: ${describeError(outcome.error)}`,
      );
    const { answer } = outcome;
    count(stats.statuses, answer.status);
    count(
      stats.outcomes,
      `${plan.operationId ?? 'unrouted'} ${answer.status} ${errorCode(answer.json)}`.trim(),
    );
    harvest(pool, answer.json, ownerOf(request.headers));
    const problems = check(request, answer);
    const broken = options.invariant?.();
    if (broken !== undefined) problems.push(broken);
    if (problems.length > 0) {
      throw new Error(
        `[fuzz seed ${seed}] ${request.label}\n-> ${answer.status} ${answer.text.slice(0, 600)}\n` +
          problems.map((problem) => `  - ${problem}`).join('\n'),
      );
    }
  });
  await fc.assert(property, { seed, numRuns: options.numRuns, endOnFailure: true });
  return stats;
}

/** Every (operation, status, code) seen, one per line, most frequent first. */
export function formatOutcomes(stats: FuzzStats): string {
  return [...stats.outcomes]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([outcome, n]) => `  ${String(n).padStart(5)} ${outcome}`)
    .join('\n');
}

/** One line per status and skip reason, for the suite's summary. */
export function formatStats(name: string, stats: FuzzStats): string {
  const statuses = [...stats.statuses].sort(([a], [b]) => String(a).localeCompare(String(b)));
  const skipped = [...stats.skipped].map(([reason, n]) => `${n} x skipped (${reason})`);
  return `${name}: ${stats.requests} requests; ${statuses.map(([status, n]) => `${status}:${n}`).join(' ')}${stats.unhandled ? `; ${stats.unhandled} left the base path` : ''}${skipped.length ? `; ${skipped.join('; ')}` : ''}`;
}
