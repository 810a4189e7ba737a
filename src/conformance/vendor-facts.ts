import type { ObservedExchange } from './observed-exchange.js';
import { isSuccess } from '../http/is-success.js';

/** A poll or a cancel of one run, and what its answer told the client. */
export interface RunTouch {
  kind: 'poll' | 'cancel';
  runId: string;
  /** The answer says the run is over (a terminal status, or "already finished"). */
  terminal: boolean;
  /** The answer is "status changed between read and write": re-read before acting again. */
  conflict: boolean;
  /** The answer is final for this request: sending it again gets the same (Puffle run_not_cancellable). */
  final: boolean;
}

/** One create (one per job type for Sendkit), and the runs its answer named. */
export interface CreateTouch {
  /** Equal for two creates that would start the same work (API key aside). */
  identity: string;
  /** The idempotency key sent, when the vendor has one. */
  idempotencyKey: string | null;
  /** A key or external id makes resending it safe. */
  guarded: boolean;
  runIds: string[];
  /** The read that shows whether a create whose answer was lost went through (Exa: its Webset). */
  recheck: string | null;
}

/**
 * What conformance needs to know of one vendor's API: which calls poll, cancel and create runs, and
 * how to read run ids and statuses from them. Each vendor folder declares its own.
 */
export interface VendorFacts {
  touch(exchange: ObservedExchange): RunTouch | undefined;
  creates(exchange: ObservedExchange): CreateTouch[];
  /** The scope a read settles for creates whose answer was lost (Exa: a Webset), or null. */
  rechecks(exchange: ObservedExchange): string | null;
}

/** `value` at `path` when every step is an object (or array) with that key. */
export function field(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** The `index`th segment of a path (0 = the first after `/`), percent-decoded when it can be. */
export function segment(path: string, index: number): string {
  const raw = path.split('/')[index + 1] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The string at `path` in `value`, or null. */
export const text = (value: unknown, ...path: (string | number)[]): string | null => {
  const found = field(value, ...path);
  return typeof found === 'string' ? found : null;
};

/** How a vendor's run poll and cancel read: their operation ids, where the run id and its status are. */
export interface TouchCalls {
  poll: string;
  cancel: string;
  /** The path segment holding the run id (as `segment` counts). */
  runIdAt: number;
  /** Where a 2xx answer's body holds the run status. */
  status: (string | number)[];
  /** The statuses that say the run is over. */
  terminal: ReadonlySet<string>;
}

/**
 * The poll or cancel `exchange` is, read as `calls` says (undefined for any other call): terminal when a
 * 2xx answer shows a terminal status, never a conflict nor final (a vendor with such answers adds them).
 *
 * @example
 * runTouch(exchange, { poll: 'exaGetEnrichment', cancel: 'exaCancelEnrichment', runIdAt: 5, status: ['status'], terminal });
 */
export function runTouch(exchange: ObservedExchange, calls: TouchCalls): RunTouch | undefined {
  const { operation } = exchange;
  if (operation !== calls.poll && operation !== calls.cancel) return undefined;
  const status = isSuccess(exchange.status) ? text(exchange.responseBody, ...calls.status) : null;
  return {
    kind: operation === calls.poll ? 'poll' : 'cancel',
    runId: segment(exchange.path, calls.runIdAt),
    terminal: status !== null && calls.terminal.has(status),
    conflict: false,
    final: false,
  };
}
