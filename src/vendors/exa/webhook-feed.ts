import type { AnyOperationHandler } from '../../adapter/vendor-definition.js';
import type { Simulator } from '../../core/simulator.js';
import type { Tenant } from '../../core/tenant.js';
import { DEFAULT_WEBHOOK_MODEL } from '../../scenario/defaults.js';
import { EXA_SIGNATURE_HEADER, exaSignatureHeader } from '../../webhooks/exa-signature.js';
import type { FeedEvent, Outbox, Subscription, WebhookFeed } from '../../webhooks/outbox.js';
import type { EventIndex } from './event-index.js';
import { toEvent } from './event-log.js';
import { itemSourceOf, type ExaDependencies } from './exa-scope.js';
import { toWebhookAttempt } from './to-webhook.js';
import { versionAt } from './versions.js';
import { recordAttempt, type EventType, type WebhookRecord, type WebhookStore } from './webhook-store.js';

/**
 * Counts the calls that may change the events or the Webhooks (every method but GET): the revision the
 * delivery engine checks before reusing a plan.
 *
 * @example
 * const commands = createCommandCounter();
 * const operations = commands.count({ exaCreateWebset: createWebset(dependencies) });
 * commands.revision(); // 0, then 1 after a POST
 */
export function createCommandCounter() {
  let commands = 0;
  return {
    revision: (): number => commands,
    count: (operations: Readonly<Record<string, AnyOperationHandler>>): Record<string, AnyOperationHandler> =>
      Object.fromEntries(
        Object.entries(operations).map(([id, handle]): [string, AnyOperationHandler] => [
          id,
          (context) => {
            if (context.method !== 'GET') commands += 1;
            return handle(context);
          },
        ]),
      ),
  };
}

/** A Webhook as the delivery engine sees it: it signs with `Exa-Signature` and keeps its attempts. */
function toSubscription(webhook: WebhookRecord, seed: number): Subscription<EventType> {
  return {
    id: webhook.id,
    createdAt: webhook.createdAt,
    get deletedAt() {
      return webhook.deletedAt;
    },
    wants: (type, at) => versionAt(webhook, at).events.some((wanted) => wanted === type),
    urlAt: (t) => versionAt(webhook, t).url,
    sign: (rawBody, attemptedAt) => ({
      [EXA_SIGNATURE_HEADER]: exaSignatureHeader(webhook.secret, attemptedAt, rawBody),
    }),
    ledger: webhook.ledger,
    record: (report) => {
      recordAttempt(webhook, toWebhookAttempt(seed, report));
    },
  };
}

/** The events of a tenant's Websets up to `now`, oldest first, rendered only when delivered. */
function feedEvents(
  dependencies: ExaDependencies,
  events: EventIndex,
  simulator: Simulator,
  tenant: Tenant,
  now: number,
): FeedEvent<EventType>[] {
  const items = itemSourceOf(dependencies, simulator);
  return events
    .until(dependencies.store.of(tenant), now)
    .map((entry) => ({ id: entry.id, type: entry.type, at: entry.at, render: () => toEvent(entry, items) }));
}

/**
 * The Exa outboxes: per scenario context and API key with Webhooks, the Webhooks and the events derived
 * from the key's Websets (the same events `GET /websets/v0/events` lists at that instant).
 *
 * @example
 * const feed = createExaWebhookFeed(dependencies, webhooks, createEventIndex(), commands.revision);
 * feed.outboxes(runtime.contexts(), clock.now()); // [{ seed, policy, subscriptions, events }]
 */
export function createExaWebhookFeed(
  dependencies: ExaDependencies,
  webhooks: WebhookStore,
  events: EventIndex,
  revision: () => number,
): WebhookFeed {
  const outboxes: WebhookFeed['outboxes'] = (contexts, now) => {
    const found: Outbox<EventType>[] = [];
    for (const { scenario, simulator } of contexts) {
      for (const tenant of simulator.tenants()) {
        const own = webhooks.peek(tenant);
        if (!own || own.webhooks.length === 0) continue;
        found.push({
          seed: scenario.seed,
          policy: scenario.webhooks ?? DEFAULT_WEBHOOK_MODEL,
          subscriptions: own.webhooks.map((webhook) => toSubscription(webhook, scenario.seed)),
          events: feedEvents(dependencies, events, simulator, tenant, now),
        });
      }
    }
    return found;
  };
  const deliveries: WebhookFeed['deliveries'] = (contexts) =>
    contexts.flatMap(({ simulator }) =>
      simulator.tenants().flatMap((tenant) =>
        (webhooks.peek(tenant)?.webhooks ?? []).flatMap((webhook) =>
          webhook.attempts.map((attempt) => ({
            id: attempt.id,
            tenant: tenant.key,
            webhookId: webhook.id,
            url: attempt.url,
            statusCode: attempt.responseStatusCode,
          })),
        ),
      ),
    );
  return { outboxes, revision, deliveries };
}
