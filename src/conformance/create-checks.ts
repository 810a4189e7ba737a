import type { Vendor } from '../scenario/types.js';
import type { Findings } from './findings.js';
import type { ObservedExchange } from './observed-exchange.js';
import { CREATE_RETRY_WINDOW_MS } from './rules.js';
import { seconds } from './seconds.js';
import { isSuccess } from '../http/is-success.js';
import type { CreateTouch } from './vendor-facts.js';

/** A create that may have started work: answered 2xx (`made`), or 5xx / no answer (`lost`). */
interface SentCreate {
  id: string;
  at: number;
  outcome: 'made' | 'lost';
  runIds: string[];
  /** A read after a lost answer showed whether it went through (Exa: the Webset). */
  rechecked: boolean;
}

/** What the judge remembers of one tenant's creates. */
export interface CreateState {
  /** The last create that may have started work, per identity. */
  sent: Map<string, SentCreate>;
  /** Per idempotency key: the identity it was first sent with, and where. */
  keys: Map<string, { identity: string; id: string }>;
  /** Identities a read of this scope settles. */
  byScope: Map<string, Set<string>>;
}

export const newCreateState = (): CreateState => ({ sent: new Map(), keys: new Map(), byScope: new Map() });

/**
 * Judges one create: an idempotency key sent again with another body, or an unguarded create sent
 * again while the earlier identical one may have started work the client has not seen finish.
 * `isOver(runId)` says whether the client has seen a run reach a terminal status. Updates `state`.
 */
export function checkCreate(
  findings: Findings,
  vendor: Vendor,
  state: CreateState,
  create: CreateTouch,
  exchange: ObservedExchange,
  isOver: (runId: string) => boolean,
): void {
  const { tenant, id, at, status } = exchange;
  const { identity, idempotencyKey } = create;
  if (idempotencyKey !== null) {
    const first = state.keys.get(idempotencyKey);
    if (!first) state.keys.set(idempotencyKey, { identity, id });
    else if (first.identity !== identity)
      findings.add(
        'idempotency-key-reused-with-other-body',
        vendor,
        tenant,
        idempotencyKey,
        () =>
          `idempotencyKey "${idempotencyKey}" was sent with another body (${id}) than the first time (${first.id}).`,
        [first.id, id],
      );
  }
  if (!create.guarded) {
    const earlier = state.sent.get(identity);
    if (
      earlier &&
      at - earlier.at < CREATE_RETRY_WINDOW_MS &&
      !earlier.runIds.some(isOver) &&
      !(earlier.outcome === 'lost' && earlier.rechecked)
    )
      findings.add(
        'create-retry-without-idempotency-key',
        vendor,
        tenant,
        identity,
        () =>
          `The same create was sent again (${id}) ${seconds(at - earlier.at)} after ${earlier.id}, which ${earlier.outcome === 'made' ? 'had started work' : 'may have started work (its answer was lost or 5xx)'}, with nothing to tell the two apart: a second run and a second charge.`,
        [earlier.id, id],
      );
  }
  const outcome = isSuccess(status) ? 'made' : status === 0 || status >= 500 ? 'lost' : null;
  if (outcome === null) return;
  state.sent.set(identity, { id, at, outcome, runIds: create.runIds, rechecked: false });
  if (create.recheck !== null) {
    const settled = state.byScope.get(create.recheck) ?? new Set<string>();
    settled.add(identity);
    state.byScope.set(create.recheck, settled);
  }
}

/** Marks the lost creates a successful read of `scope` settles. */
export function recheckCreates(state: CreateState, scope: string): void {
  for (const identity of state.byScope.get(scope) ?? []) {
    const sent = state.sent.get(identity);
    if (sent) sent.rechecked = true;
  }
  state.byScope.delete(scope);
}
