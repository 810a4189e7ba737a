import type { IncomingMessage } from 'node:http';
import type { PipelineResult } from '../adapter/vendor-pipeline.js';
import type { Answer } from '../http/answer.js';
import { headerReaderOf, type PlainRequest } from '../http/plain-request.js';
import { NO_BODY, readBody, type BodyBytes } from '../http/read-body.js';
import type { Runtime } from '../runtime/mock-runtime.js';
import { recordExchange } from '../runtime/record-exchange.js';
import type { Logger } from './logger.js';
import { requestLogFields } from './request-log.js';

/** What a route decided: the vendor pipeline's result, or a control API or 404 answer in the same shape. */
export type Outcome = PipelineResult;

/** One request from arrival to journal entry: the plain request the routes take, plus what the journal keeps. */
export interface Exchange {
  requestId: string;
  request: PlainRequest;
  /** The request headers as the client sent them (lower-case names, repeated ones joined). */
  headers: Record<string, string>;
  body: BodyBytes;
  /** `performance.now()` at arrival. */
  started: number;
  wallTime: string;
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
 * Opens the exchange of a request as it arrives: copies its headers, fixes the request id (the client's
 * `X-Request-Id`, else the runtime's next one) and reads the body once, up to the body limit. A request
 * that announces no body is not read at all.
 */
export async function openExchange(request: IncomingMessage, runtime: Runtime): Promise<Exchange> {
  const started = performance.now();
  const wallTime = new Date().toISOString();
  const headers: Record<string, string> = {};
  for (const name in request.headers) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const length = headers['content-length'];
  const announced = headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  const body = announced
    ? await readBody(request.iterator({ destroyOnReturn: false }), runtime.bodyLimitBytes)
    : NO_BODY;
  // Past the limit the rest is drained and discarded: the connection stays usable for the 413.
  if (body.overCap) request.resume();
  const reader = headerReaderOf(headers);
  return {
    requestId: runtime.requestId(headers['x-request-id']),
    request: {
      method: request.method ?? 'GET',
      url: requestUrl(request.url ?? '/'),
      headers: reader,
      body: body.data,
    },
    headers,
    body,
    started,
    wallTime,
  };
}

/**
 * Records a finished exchange in the journal (the writer both adapters share) and logs it. `sent` is what
 * went on the wire: `null` when no response was sent (reset, hang), recorded as status 0.
 */
export function closeExchange(
  exchange: Exchange,
  outcome: Outcome,
  sent: Answer | null,
  runtime: Runtime,
  logger: Logger,
): void {
  const { method, url } = exchange.request;
  const { facts } = outcome;
  const entry = recordExchange(runtime, { ...exchange, method, url, facts, sent, at: outcome.at });
  const level = (sent?.status ?? 0) >= 500 || facts.faults ? 'warn' : 'info';
  if (logger.isLevelEnabled(level))
    logger[level](requestLogFields(exchange, outcome, sent, entry.durationMs), 'request');
}
