import { toIso } from '../core/clock.js';
import type { Answer } from '../http/answer.js';
import type { BodyBytes } from '../http/read-body.js';
import type { AppliedFault } from '../scenario/fault-plan.js';
import type { JournalEntry } from './journal.js';
import type { Runtime } from './mock-runtime.js';

/** What the journal needs to know of who answered: the vendor pipeline's facts, or the server's. */
export interface JournalFacts {
  vendor: JournalEntry['vendor'];
  scenario: string;
  tenant: string | null;
  /** operationId of the vendor or control API operation, when one matched. */
  operation: string | null;
  /** Every fault the scenario injected into this request, with the rule it came from (for the log). */
  faults?: readonly AppliedFault[];
}

/** One finished exchange, as either adapter saw it. */
export interface ExchangeRecord {
  facts: JournalFacts;
  method: string;
  url: URL;
  /** The request headers as the client sent them (lower-case names). */
  headers: Record<string, string>;
  body: BodyBytes;
  /** What went on the wire: `null` when nothing was sent (reset, hang), journalled as status 0. */
  sent: Answer | null;
  /** The clock instant the request was answered at. */
  at: number;
  /** Wall-clock instant the request arrived (ISO). */
  wallTime: string;
  /** `performance.now()` at arrival. */
  started: number;
}

/** A query with repeated keys kept: `?a=1&a=2` is `{ a: ['1', '2'] }`. */
function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of search) {
    const earlier = Object.hasOwn(query, name) ? query[name] : undefined;
    if (earlier === undefined) query[name] = value;
    else if (typeof earlier === 'string') query[name] = [earlier, value];
    else earlier.push(value);
  }
  return query;
}

/** The control API operation that reads the journal: its answers are journalled without their body. */
const JOURNAL_READ = 'adminGetJournal';

/** The size of a request body read only up to the limit: its Content-Length, or what arrived. */
function wireSize(headers: Record<string, string>, received: number): number {
  const announced = Number(headers['content-length']);
  return Number.isSafeInteger(announced) && announced > received ? announced : received;
}

const decoder = new TextDecoder();

/**
 * The one journal writer of both adapters (the msw handlers and the server): records a finished
 * exchange with its request as sent, what went on the wire and the instant it was answered at. An
 * admin token is never written down, nor the answer of a journal read (it would embed the journal in
 * itself); the journal cuts long bodies (see `createJournal`).
 *
 * @example
 * recordExchange(runtime, { facts, method, url, headers, body, sent, at, wallTime, started });
 */
export function recordExchange(runtime: Runtime, record: ExchangeRecord): JournalEntry {
  const { facts, body, sent } = record;
  const headers =
    facts.vendor === 'admin' && record.headers['authorization'] !== undefined
      ? { ...record.headers, authorization: 'Bearer [redacted]' }
      : record.headers;
  return runtime.journal.record({
    vendor: facts.vendor,
    scenario: facts.scenario,
    tenant: facts.tenant,
    operation: facts.operation,
    request: {
      method: record.method,
      path: record.url.pathname,
      query: queryObject(record.url.searchParams),
      headers,
      body: {
        text: body.data === null ? null : decoder.decode(body.data),
        ...(body.overCap ? { size: wireSize(record.headers, body.data?.byteLength ?? 0) } : {}),
      },
    },
    response: {
      status: sent?.status ?? 0,
      headers: sent?.headers ?? {},
      body: { text: sent?.body ?? null, omit: facts.operation === JOURNAL_READ },
    },
    virtualTime: toIso(record.at),
    wallTime: record.wallTime,
    durationMs: Math.round((performance.now() - record.started) * 1000) / 1000,
    ...(facts.faults?.length ? { faults: facts.faults.map((fault) => ({ ...fault })) } : {}),
  });
}
