import type { EnrichmentDefinition, TimingModel } from '../scenario/types.js';
import type { LeadList } from './lead-list.js';
import type { Schedule } from './schedule.js';

/** Which leads a run covers: a whole list, or leads named one by one. */
export type RunScope =
  { type: 'list'; list: LeadList } | { type: 'leads'; leadIds: string[]; listId: string | null };

declare const metaType: unique symbol;

/**
 * The name a vendor adapter records its runs under, carrying (in the type only) what it keeps in
 * `Run.meta`; a plain name is a `RunOwner<unknown>`.
 *
 * @example
 * export const PUFFLE: RunOwner<PuffleRunMeta> = 'puffle';
 * simulator.getRun(key, id, PUFFLE)?.meta.requested; // typed
 */
export type RunOwner<Meta = unknown> = string & { readonly [metaType]?: Meta };

/** What a vendor adapter asks the simulator to run, keeping `Meta` with it. */
export interface RunRequest<Meta = undefined> {
  /** The adapter that owns the run; runs are only visible to their own vendor. */
  vendor: RunOwner<Meta>;
  enrichment: EnrichmentDefinition;
  scope: { type: 'list'; listId: string } | { type: 'leads'; leadIds: string[]; listId?: string | null };
  input: Record<string, unknown>;
  outputAttribute: string;
  writePolicy: 'overwrite' | 'skip_existing';
  /** When set, the run is recorded and fails at once with this message (a dispatch failure). */
  dispatchFailure?: string;
  /** Time to live; null keeps the run until reset. */
  ttlMs: number | null;
  /** Vendor data kept with the run and handed back untouched (the vendor's request, titles, ...). */
  meta: Meta;
  /**
   * Shapes the run id from the seeded parts (`sequence` counts the tenant's runs and lists); default: the
   * UUID. Ids never come from the clock, so a journal replays with the same ids.
   */
  formatId?: (parts: { uuid: string; token: string; sequence: number }) => string;
}

/** A planned run: everything needed to derive its state at any instant; `Meta` is its owner's data. */
export interface Run<Meta = unknown> {
  id: string;
  vendor: string;
  tenant: string;
  sequence: number;
  enrichment: EnrichmentDefinition;
  scope: RunScope;
  size: number;
  input: Record<string, unknown>;
  outputAttribute: string;
  writePolicy: 'overwrite' | 'skip_existing';
  meta: Meta;
  timing: TimingModel;
  /** Key every per-item draw starts from. */
  key: number;
  createdAt: number;
  schedule: Schedule;
  creditsCharged: number;
  dispatchError: string | null;
  cancelledAt: number | null;
  /** Hidden runs (deleted by the client) are not found, and their writes to leads disappear with them. */
  deletedAt: number | null;
  /** From this instant the run is not found, and its writes to leads disappear with it. */
  expiresAt: number | null;
  idempotencyKey: string | null;
  /** Lead id -> item index for runs over named leads (built on first use). */
  leadIndex: Map<string, number> | null;
}

export type RunStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
export type ItemStatus = 'pending' | 'running' | 'completed' | 'failed' | 'skipped';

export const TERMINAL: ReadonlySet<RunStatus> = new Set(['completed', 'failed', 'cancelled']);

/**
 * Whether `owner` made the run, its meta then typed as that owner's. Sound because a run's `vendor` and
 * `meta` come from one `RunRequest<Meta>` of that owner, and each vendor records its runs under one name.
 *
 * @example
 * if (isOwnedBy(run, PUFFLE)) run.meta.requested;
 */
export function isOwnedBy<Meta>(run: Run, owner: RunOwner<Meta>): run is Run<Meta> {
  return run.vendor === owner;
}

/**
 * Whether a run is visible at `t`: neither deleted nor expired.
 *
 * @example
 * if (!isLive(run, clock.now())) return notFound();
 */
export function isLive(run: Run, t: number): boolean {
  return run.deletedAt === null && (run.expiresAt === null || t < run.expiresAt);
}

/**
 * The instant a cancel took effect, when one is in effect at `t`; else null (never cancelled, or
 * cancelled later than `t`).
 *
 * @example
 * const cancelled = cancelledBy(run, t);
 * const cutoff = cancelled ?? t; // items may start until the cancel
 */
export function cancelledBy(run: Run, t: number): number | null {
  return run.cancelledAt !== null && run.cancelledAt <= t ? run.cancelledAt : null;
}
