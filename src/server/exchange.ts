import type { IncomingMessage } from 'node:http';
import { PREFLIGHT_HEADER, type TransportFaultType } from '../adapter/transport-fault.js';
import type { JournalEntry } from '../runtime/journal.js';
import type { AppliedFault } from '../scenario/fault-plan.js';
import type { Runtime } from '../runtime/mock-runtime.js';
import type { Answer } from './answer.js';
import { tapBody, type BodyTap } from './body-tap.js';
import type { Logger } from './logger.js';
import { requestLogFields } from './request-log.js';

/** What a route decided: who answered, and the answer before any transport fault is played. */
export interface Outcome {
  vendor: JournalEntry['vendor'];
  scenario: string;
  tenant: string | null;
  /** operationId of the vendor or control API operation, when one matched. */
  operation: string | null;
  /** The mock-clock instant a vendor pipeline handled the request at (where an auto-advancing read moved the clock). */
  at?: number;
  answer: Answer;
  /** The transport fault to play on the socket, if any. */
  fault?: TransportFaultType;
  /** Every fault the scenario injected into this request, with the rule it came from (for the log). */
  faults?: AppliedFault[];
}

/** One request from arrival to journal entry. */
export interface Exchange {
  requestId: string;
  method: string;
  /** The request target as a URL on a placeholder origin. */
  url: URL;
  /** The request headers as the client sent them (lower-case names), without the internal preflight header. */
  headers: Record<string, string>;
  tap: BodyTap;
  /** `performance.now()` at arrival. */
  started: number;
  wallTime: string;
  /** The mock's clock, read once on arrival: the instant the request is handled (and journalled) at. */
  at: number;
}

function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    query[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return query;
}

/** The request target as a URL; a target such as `//x` stays a path (it is not resolved as an origin). */
function requestUrl(target: string): URL {
  try {
    return new URL(`http://enrichment-mock${target.startsWith('/') ? target : `/${target}`}`);
  } catch {
    return new URL('http://enrichment-mock/');
  }
}

/**
 * Opens the exchange of a request as it arrives: copies its headers less a client-sent internal preflight
 * header, fixes the request id (the client's `X-Request-Id`, else the runtime's next one) and starts tapping the body.
 */
export function openExchange(request: IncomingMessage, runtime: Runtime): Exchange {
  const incoming = request.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && incoming !== '' ? incoming : runtime.nextRequestId();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined && name !== PREFLIGHT_HEADER)
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return {
    requestId,
    method: request.method ?? 'GET',
    url: requestUrl(request.url ?? '/'),
    headers,
    tap: tapBody(request, runtime.bodyLimitBytes),
    started: performance.now(),
    wallTime: new Date().toISOString(),
    at: runtime.clock.now(),
  };
}

/** The control API operation that reads the journal: its answers are journalled without their body. */
const JOURNAL_READ = 'adminGetJournal';

/** The size of a request body the server stopped reading past its limit: its Content-Length, or what arrived. */
function wireSize(exchange: Exchange, received: number): number {
  const announced = Number(exchange.headers['content-length']);
  return Number.isSafeInteger(announced) && announced > received ? announced : received;
}

/**
 * Records a finished exchange in the journal and logs it. `sent` is what went on the wire: `null` when
 * no response was sent (reset, hang), recorded as status 0. An admin token is never written down, nor the
 * answer of a journal read (see `createJournal`).
 */
export async function closeExchange(
  exchange: Exchange,
  outcome: Outcome,
  sent: Answer | null,
  runtime: Runtime,
  logger: Logger,
): Promise<void> {
  const body = await exchange.tap.settle();
  const headers =
    outcome.vendor === 'admin' && exchange.headers['authorization']
      ? { ...exchange.headers, authorization: 'Bearer [redacted]' }
      : exchange.headers;
  const durationMs = Math.round((performance.now() - exchange.started) * 1000) / 1000;
  runtime.journal.record({
    vendor: outcome.vendor,
    scenario: outcome.scenario,
    tenant: outcome.tenant,
    request: {
      method: exchange.method,
      path: exchange.url.pathname,
      query: queryObject(exchange.url.searchParams),
      headers,
      body: { text: body.text, size: body.overCap ? wireSize(exchange, body.bytes) : body.bytes },
    },
    response: {
      status: sent?.status ?? 0,
      headers: sent?.headers ?? {},
      // A journal read's answer would embed the journal in itself: only its size is kept.
      body: { text: sent?.body ?? null, omit: outcome.operation === JOURNAL_READ },
    },
    virtualTime: new Date(outcome.at ?? exchange.at).toISOString(),
    wallTime: exchange.wallTime,
    durationMs,
  });
  const status = sent?.status ?? 0;
  const level = status >= 500 || outcome.faults ? 'warn' : 'info';
  if (logger.isLevelEnabled(level))
    logger[level](requestLogFields(exchange, outcome, sent, durationMs), 'request');
}
