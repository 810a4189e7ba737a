import { stableJson } from '../http/stable-json.js';
import type { Vendor } from '../scenario/types.js';
import type { Findings } from './findings.js';
import type { ObservedExchange } from './observed-exchange.js';
import { NON_RETRYABLE_STATUSES } from './rules.js';
import { seconds } from './seconds.js';

/** What the judge remembers of one tenant's requests: pending waits and final answers. */
export interface RequestState {
  /** Per method and path: the instant a 429/503's Retry-After allows the next try, and that answer. */
  waits: Map<string, { from: number; waitMs: number; id: string; status: number }>;
  /** Per identical request: the entry whose answer was final (400, 401, 402, 404, 422, ...). */
  refused: Map<string, { id: string; status: number }>;
}

export const newRequestState = (): RequestState => ({ waits: new Map(), refused: new Map() });

/** The ms a `Retry-After` value asks for, counted from `at` (seconds or an HTTP date); undefined if unreadable. */
export function retryAfterMs(value: string | undefined, at: number): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - at) : undefined;
}

/**
 * Judges one request against what the tenant was told before: a repeat sooner than the Retry-After
 * of the 429/503 it got, or an identical request after a final answer. Updates `state`.
 */
export function checkRequest(
  findings: Findings,
  vendor: Vendor,
  state: RequestState,
  exchange: ObservedExchange,
  final: boolean,
): void {
  const { tenant, id, at, status } = exchange;
  const route = `${exchange.method} ${exchange.path}`;
  const wait = state.waits.get(route);
  if (wait) {
    state.waits.delete(route);
    if (at - wait.from < wait.waitMs)
      findings.add(
        'retry-after-ignored',
        vendor,
        tenant,
        route,
        () =>
          `${route} was sent again ${seconds(at - wait.from)} after ${wait.id} answered ${wait.status} asking to wait ${seconds(wait.waitMs)} (Retry-After).`,
        [wait.id, id],
      );
  }
  if (status === 429 || status === 503) {
    const ms = retryAfterMs(exchange.responseHeaders['retry-after'], at);
    if (ms !== undefined) state.waits.set(route, { from: at, waitMs: ms, id, status });
  }
  const identity = `${route}?${exchange.query} ${stableJson(exchange.requestBody)}`;
  const refused = state.refused.get(identity);
  if (refused)
    findings.add(
      'retry-on-non-retryable',
      vendor,
      tenant,
      identity,
      () =>
        `${route} was sent again unchanged (${id}) after ${refused.id} answered ${refused.status}, a final answer.`,
      [refused.id, id],
    );
  if (final || NON_RETRYABLE_STATUSES.has(status)) state.refused.set(identity, { id, status });
  else state.refused.delete(identity);
}
