import { fileURLToPath } from 'node:url';
import { TERMINAL } from '../../../src/core/run.js';
import { listRun } from '../../vendors/puffle/puffle-api.js';

/** The scenario both clients run against: a 503 on the first create, a 429 on the second poll. */
export const CARELESS_SCENARIO = fileURLToPath(new URL('./careless.yaml', import.meta.url));

export const API_KEY = 'pk_live_conformance';

/** How a flow reaches the API and waits. */
export interface FlowIo {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  baseUrl: string;
  /** Waits `ms` on the mock's clock. */
  sleep: (ms: number) => Promise<void>;
}

/**
 * A flow's io against a running server at `url`: it waits by advancing the server's virtual clock.
 *
 * @example
 * await carelessFlow(serverFlowIo(server.url));
 */
export function serverFlowIo(url: string): FlowIo {
  return {
    baseUrl: url,
    fetch: (target, init) => fetch(target, init),
    sleep: async (ms) => {
      await fetch(`${url}/__admin/clock/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ms }),
      });
    },
  };
}

/** The rules of a report's error findings, once each, sorted. */
export const errorRules = (report: { findings: readonly { rule: string; severity: string }[] }): string[] =>
  [
    ...new Set(
      report.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.rule),
    ),
  ].sort();

const CREATE = listRun('work_email', 'list_prospects');

async function call(io: FlowIo, method: string, path: string, body?: unknown) {
  const response = await io.fetch(`${io.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as Record<string, unknown>;
  return { status: response.status, retryAfter: Number(response.headers.get('retry-after') ?? 0), json };
}

const isTerminal = (status: string): boolean => [...TERMINAL].some((terminal) => terminal === status);

const runStatus = (json: Record<string, unknown>): string =>
  String((json['run'] as { status?: unknown } | undefined)?.status);

/**
 * A deliberately careless Puffle client: retries a failed create at once without an idempotency key,
 * ignores Retry-After, and polls every 100 ms (30 polls at most).
 */
export async function carelessFlow(io: FlowIo): Promise<void> {
  let created = await call(io, 'POST', '/api/enrichment', CREATE);
  while (created.status !== 200) created = await call(io, 'POST', '/api/enrichment', CREATE);
  const id = String(created.json['enrichmentRunId']);
  for (let polls = 0; polls < 30; polls += 1) {
    const polled = await call(io, 'GET', `/api/enrichment/${id}`);
    if (polled.status === 200 && isTerminal(runStatus(polled.json))) return;
    if (polled.status === 200) await io.sleep(100);
  }
}

/**
 * A careful Puffle client: one idempotency key for the create and its retries, waits out Retry-After,
 * polls every 3 s and stops at a terminal status.
 */
export async function carefulFlow(io: FlowIo): Promise<void> {
  const body = { ...CREATE, idempotencyKey: 'create-1' };
  let created = await call(io, 'POST', '/api/enrichment', body);
  while (created.status !== 200) {
    await io.sleep(created.retryAfter * 1000 || 1_000);
    created = await call(io, 'POST', '/api/enrichment', body);
  }
  const id = String(created.json['enrichmentRunId']);
  for (let polls = 0; polls < 400; polls += 1) {
    const polled = await call(io, 'GET', `/api/enrichment/${id}`);
    if (polled.status === 200 && isTerminal(runStatus(polled.json))) return;
    await io.sleep(polled.retryAfter * 1000 || 3_000);
  }
  throw new Error('The careful client gave up: the run never finished.');
}

/** The error rules the careless client breaks. */
export const CARELESS_ERRORS = [
  'create-retry-without-idempotency-key',
  'poll-interval-too-short',
  'retry-after-ignored',
];
