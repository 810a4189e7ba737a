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
  /** Attempts in the order they were made (the API lists them newest first). */
  attempts: WebhookAttempt[];
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
