import type { IncomingMessage } from 'node:http';
import { PREFLIGHT_HEADER, type TransportFaultType } from '../adapter/transport-fault.js';
import type { JournalEntry } from '../runtime/journal.js';
import type { Runtime } from '../runtime/mock-runtime.js';
import type { Answer } from './answer.js';
import { tapBody, type BodyTap } from './body-tap.js';
import type { Logger } from './logger.js';
import { journalBody } from '../http/journal-body.js';

/** What a route decided: who answered, and the answer before any transport fault is played. */
export interface Outcome {
  vendor: JournalEntry['vendor'];
  scenario: string;
  tenant: string | null;
  /** operationId of the vendor or control API operation, when one matched. */
  operation: string | null;
  answer: Answer;
  fault?: TransportFaultType;
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
  virtualTime: string;
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
    virtualTime: new Date(runtime.clock.now()).toISOString(),
  };
}

/** `target` with an enumerable `body` parsed from `text` on first read: the journal is read far less often than written. */
function lazyBody<T extends object>(target: T, text: string | null): T & { body: unknown } {
  let parsed: { value: unknown } | undefined;
  return Object.defineProperty(target, 'body', {
    enumerable: true,
    get: () => (parsed ??= { value: journalBody(text) }).value,
  }) as T & { body: unknown };
}

/** A request body the journal could not keep. */
const overCapBody = (limit: number): string => `[request body over ${limit} bytes: not recorded]`;

/**
 * Records a finished exchange in the journal and logs it. `sent` is what went on the wire: `null` when
 * no response was sent (reset, hang), recorded as status 0. An admin token is never written down.
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
    operation: outcome.operation,
    request: {
      method: exchange.method,
      path: exchange.url.pathname,
      query: queryObject(exchange.url.searchParams),
      headers,
      body: body.overCap ? overCapBody(runtime.bodyLimitBytes) : journalBody(body.text),
    },
    response: lazyBody({ status: sent?.status ?? 0, headers: sent?.headers ?? {} }, sent?.body ?? null),
    virtualTime: exchange.virtualTime,
    wallTime: exchange.wallTime,
    durationMs,
  });
  const status = sent?.status ?? 0;
  logger.log(status >= 500 || outcome.fault ? 'warn' : 'info', 'request', {
    requestId: exchange.requestId,
    method: exchange.method,
    path: exchange.url.pathname,
    status,
    vendor: outcome.vendor,
    operation: outcome.operation,
    scenario: outcome.scenario,
    tenant: outcome.tenant,
    durationMs,
    ...(outcome.fault ? { fault: outcome.fault } : {}),
  });
}
