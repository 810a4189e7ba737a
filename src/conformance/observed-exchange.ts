import { journalBody } from '../http/journal-body.js';
import type { JournalEntry } from '../runtime/journal.js';
import type { RecordedExchange } from '../server/replay/read-har.js';
import { compareText } from '../core/compare-text.js';

/** One exchange as the judge reads it, from the journal or from a recorded HAR. */
export interface ObservedExchange {
  /** The journal entry id: the evidence a finding names. */
  id: string;
  vendor: JournalEntry['vendor'];
  tenant: string | null;
  operation: string | null;
  method: string;
  path: string;
  /** The query string, parameters sorted (empty when none). */
  query: string;
  requestBody: unknown;
  /** 0 when no answer was sent (a transport fault). */
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
  /** The mock-clock instant of the exchange, in ms (NaN when unknown). */
  at: number;
}

const sortedQuery = (pairs: [string, string][]): string =>
  new URLSearchParams([...pairs].sort(([a], [b]) => compareText(a, b))).toString();

/**
 * A journal entry as the judge reads it.
 *
 * @example
 * runtime.journal.entries().map(fromJournalEntry);
 */
export function fromJournalEntry(entry: JournalEntry): ObservedExchange {
  const pairs = Object.entries(entry.request.query).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((item): [string, string] => [name, item]),
  );
  return {
    id: entry.id,
    vendor: entry.vendor,
    tenant: entry.tenant,
    operation: entry.operation,
    method: entry.request.method,
    path: entry.request.path,
    query: sortedQuery(pairs),
    requestBody: entry.request.body,
    status: entry.response.status,
    responseHeaders: entry.response.headers,
    responseBody: entry.response.body,
    at: Date.parse(entry.virtualTime),
  };
}

/**
 * An exchange read back from a HAR file as the judge reads it; `route` names the vendor and the
 * operation when the HAR does not (a HAR from another tool), and is called only then.
 *
 * @example
 * session.exchanges.map((exchange) => fromRecordedExchange(exchange, routeOf));
 */
export function fromRecordedExchange(
  exchange: RecordedExchange,
  route: (method: string, path: string) => { vendor: JournalEntry['vendor']; operation: string | null },
): ObservedExchange {
  const url = new URL(exchange.target, 'http://enrichment-mock');
  const { vendor, operation } = exchange;
  const routed =
    vendor !== null && operation !== null ? { vendor, operation } : route(exchange.method, url.pathname);
  return {
    id: exchange.id ?? `har_${exchange.index + 1}`,
    vendor: vendor ?? routed.vendor,
    tenant: exchange.tenant,
    operation: operation ?? routed.operation,
    method: exchange.method,
    path: url.pathname,
    query: sortedQuery([...url.searchParams.entries()]),
    requestBody: journalBody(exchange.body),
    status: exchange.response.status,
    responseHeaders: exchange.response.headers,
    responseBody: journalBody(exchange.response.body),
    at: exchange.virtualTimeMs ?? exchange.startedMs ?? NaN,
  };
}
