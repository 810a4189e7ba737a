import type { RequestContext, VendorFailure } from '../../adapter/vendor-definition.js';
import { derive, toHex } from '../../core/random.js';
import { EXA_TAGS } from './exa-errors.js';
import { exaId } from './exa-ids.js';
import { ok } from './exa-scope.js';
import type { ExaHandlers } from './exa-handlers.js';
import { arrayWalk, listResponse } from './paginate.js';
import { toWebhook } from './to-webhook.js';
import { versionAt } from './versions.js';
import {
  attemptsNewestFirst,
  type EventType,
  type TenantWebhooks,
  type WebhookAttempt,
  type WebhookRecord,
  type WebhookStore,
} from './webhook-store.js';

/** The API key's Webhooks, the current instant and the scenario's seed. */
function scopeOf(webhooks: WebhookStore, context: RequestContext) {
  const { simulator, scenario } = context.context;
  return { own: webhooks.of(simulator.tenant(context.tenant)), now: simulator.now(), seed: scenario.seed };
}

/** A URL the mock can POST to, or the 400 to answer: only http and https (http for local receivers). */
function refuseUrl(context: RequestContext, url: string | undefined): VendorFailure | null {
  if (url === undefined) return null;
  const scheme = URL.canParse(url) ? new URL(url).protocol : '';
  if (scheme === 'https:' || scheme === 'http:') return null;
  return context.fail(
    400,
    EXA_TAGS.invalidBody,
    `url: ${url} is not an http(s) URL. Give the https endpoint that receives the events (http works for local receivers).`,
  );
}

/** The live Webhook named by the `id` path parameter, or the 404 to answer. */
function findWebhook(
  context: RequestContext & { params: { id: string } },
  own: TenantWebhooks,
): WebhookRecord | VendorFailure {
  const { id } = context.params;
  return (
    own.find(id) ??
    context.fail(
      404,
      EXA_TAGS.notFound,
      `Webhook ${id} not found. List your Webhooks with GET /websets/v0/webhooks.`,
    )
  );
}

const isWebhook = (found: WebhookRecord | VendorFailure): found is WebhookRecord => 'ledger' in found;

const unique = (events: readonly EventType[]): EventType[] => [...new Set(events)];

/**
 * The Webhook operations: create (the only answer with the secret), list, get, update and delete, and
 * the list of delivery attempts. Deliveries themselves are made by the engine in `src/webhooks`.
 */
export function webhookOperations(
  webhooks: WebhookStore,
): ExaHandlers<
  | 'exaCreateWebhook'
  | 'exaListWebhooks'
  | 'exaGetWebhook'
  | 'exaUpdateWebhook'
  | 'exaDeleteWebhook'
  | 'exaListWebhookAttempts'
> {
  return {
    exaCreateWebhook(context) {
      const { body } = context;
      const refused = refuseUrl(context, body.url);
      if (refused) return refused;
      const { own, now, seed } = scopeOf(webhooks, context);
      own.created += 1;
      const webhook: WebhookRecord = {
        id: exaId('webhook', seed, context.tenant, own.created),
        secret: `whsec_${toHex(derive(seed, 'webhook-secret', context.tenant, own.created), 32)}`,
        versions: [{ from: now, events: unique(body.events), url: body.url }],
        metadata: { ...body.metadata },
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        attempts: [],
        attemptsById: new Map(),
        ledger: new Map(),
      };
      own.webhooks.push(webhook);
      return ok(toWebhook(webhook, now, true));
    },
    exaListWebhooks(context) {
      const { own, now } = scopeOf(webhooks, context);
      // A key has a handful of Webhooks: the list is held whole.
      const live = own.webhooks.filter((webhook) => webhook.deletedAt === null).reverse();
      return listResponse(
        context,
        arrayWalk(live, (webhook) => webhook.id),
        (webhook) => webhook.id,
        (webhook) => toWebhook(webhook, now),
      );
    },
    exaGetWebhook(context) {
      const { own, now } = scopeOf(webhooks, context);
      const webhook = findWebhook(context, own);
      return isWebhook(webhook) ? ok(toWebhook(webhook, now)) : webhook;
    },
    exaUpdateWebhook(context) {
      const { body } = context;
      const { own, now } = scopeOf(webhooks, context);
      const webhook = findWebhook(context, own);
      if (!isWebhook(webhook)) return webhook;
      const refused = refuseUrl(context, body.url);
      if (refused) return refused;
      if (body.events !== undefined || body.url !== undefined) {
        const current = versionAt(webhook, now);
        const next = {
          from: now,
          events: unique(body.events ?? current.events),
          url: body.url ?? current.url,
        };
        if (webhook.versions.at(-1)?.from === now) webhook.versions.pop();
        webhook.versions.push(next);
      }
      if (body.metadata !== undefined) webhook.metadata = { ...body.metadata };
      webhook.updatedAt = now;
      return ok(toWebhook(webhook, now));
    },
    exaDeleteWebhook(context) {
      const { own, now } = scopeOf(webhooks, context);
      const webhook = findWebhook(context, own);
      if (!isWebhook(webhook)) return webhook;
      webhook.deletedAt = now;
      return ok(toWebhook(webhook, now));
    },
    exaListWebhookAttempts(context) {
      const { own } = scopeOf(webhooks, context);
      const webhook = findWebhook(context, own);
      if (!isWebhook(webhook)) return webhook;
      const { eventType, successful } = context.query;
      const matches = (attempt: WebhookAttempt): boolean =>
        (eventType === undefined || attempt.eventType === eventType) &&
        (successful === undefined || attempt.successful === successful);
      return listResponse(
        context,
        (cursor) => attemptsNewestFirst(webhook, cursor, matches),
        (attempt) => attempt.id,
        (attempt) => attempt,
      );
    },
  };
}
