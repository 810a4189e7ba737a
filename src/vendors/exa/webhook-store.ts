import { prefixLength } from '../../core/sorted-prefix.js';
import type { Tenant } from '../../core/tenant.js';
import type { components } from '../../generated/exa-websets.types.js';
import type { LedgerEntry } from '../../webhooks/outbox.js';

type Schemas = components['schemas'];
export type EventType = Schemas['EventType'];
export type WebhookAttempt = Schemas['WebhookAttempt'];

/** What a Webhook delivers where, from an instant on: updates add versions, so each event meets the settings of its instant. */
export interface WebhookVersion {
  from: number;
  events: EventType[];
  url: string;
}

/** A Webhook of one API key, with every delivery attempt made for it. */
export interface WebhookRecord {
  id: string;
  /** Shown by the create call only. */
  secret: string;
  versions: [WebhookVersion, ...WebhookVersion[]];
  metadata: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  /** Attempts by `attemptedAt`, then in the order they were made (the API lists them newest first). */
  attempts: WebhookAttempt[];
  /** The same attempts by id (for cursors). */
  attemptsById: Map<string, WebhookAttempt>;
  /** The delivery engine's bookkeeping (see `src/webhooks`). */
  ledger: Map<string, LedgerEntry>;
}

/** The Webhooks of one API key, in creation order. */
export interface TenantWebhooks {
  webhooks: WebhookRecord[];
  /** How many were ever created: the sequence behind ids and secrets. */
  created: number;
  /** A live Webhook by id. */
  find(id: string): WebhookRecord | undefined;
}

/**
 * Keeps each tenant's Webhooks next to its core world, like the Websets: keyed by the core's tenant
 * object, so a reset or a new scenario starts with none (and stops their deliveries).
 *
 * @example
 * const store = createWebhookStore();
 * store.of(simulator.tenant('key')).webhooks.push(record);
 * store.peek(tenant); // undefined for a tenant that never had a Webhook
 */
export function createWebhookStore() {
  const byTenant = new WeakMap<Tenant, TenantWebhooks>();
  return {
    of(tenant: Tenant): TenantWebhooks {
      let found = byTenant.get(tenant);
      if (!found) {
        const webhooks: WebhookRecord[] = [];
        found = {
          webhooks,
          created: 0,
          find: (id) => webhooks.find((webhook) => webhook.deletedAt === null && webhook.id === id),
        };
        byTenant.set(tenant, found);
      }
      return found;
    },
    peek: (tenant: Tenant): TenantWebhooks | undefined => byTenant.get(tenant),
  };
}

export type WebhookStore = ReturnType<typeof createWebhookStore>;

const attemptedAt = (attempt: WebhookAttempt): number => Date.parse(attempt.attemptedAt);

/** How many of the Webhook's attempts were made before `t` (they come first: attempts are sorted). */
const countBefore = (attempts: readonly WebhookAttempt[], t: number): number =>
  prefixLength(attempts, (attempt) => attemptedAt(attempt) < t);

/**
 * Records an attempt in `attemptedAt` order (after those made at the same instant): attempts come in
 * that order, so this appends, and the list stays sorted should one come late.
 *
 * @example
 * recordAttempt(webhook, toWebhookAttempt(seed, report));
 */
export function recordAttempt(webhook: WebhookRecord, attempt: WebhookAttempt): void {
  webhook.attempts.splice(countBefore(webhook.attempts, attemptedAt(attempt) + 1), 0, attempt);
  webhook.attemptsById.set(attempt.id, attempt);
}

/**
 * The Webhook's attempts that `matches` holds for, newest first (the latest made first at one instant),
 * from the one after `cursor` (an attempt id `matches` holds for; undefined when it names none). Finds
 * the cursor by a binary search: O(log attempts + what is read + what `matches` skips).
 */
export function attemptsNewestFirst(
  webhook: WebhookRecord,
  cursor: string | undefined,
  matches: (attempt: WebhookAttempt) => boolean,
): Iterable<WebhookAttempt> | undefined {
  const { attempts } = webhook;
  let from = attempts.length;
  if (cursor !== undefined) {
    const named = webhook.attemptsById.get(cursor);
    if (named === undefined || !matches(named)) return undefined;
    // The attempts made at the cursor's instant are few: its place among them is found by a scan.
    from = countBefore(attempts, attemptedAt(named));
    while (attempts[from] !== undefined && attempts[from] !== named) from += 1;
  }
  return (function* () {
    for (let i = from - 1; i >= 0; i--) {
      const attempt = attempts[i];
      if (attempt !== undefined && matches(attempt)) yield attempt;
    }
  })();
}
