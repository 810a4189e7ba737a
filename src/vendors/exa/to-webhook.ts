import type { components } from '../../generated/exa-websets.types.js';
import type { DeliveryReport } from '../../webhooks/outbox.js';
import { exaId } from './exa-ids.js';
import { versionAt } from './versions.js';
import type { EventType, WebhookAttempt, WebhookRecord } from './webhook-store.js';
import { toIso } from '../../core/clock.js';

export type Webhook = components['schemas']['Webhook'];

/**
 * The Webhook as the API shows it at `t`. The secret appears only in the create call's answer
 * (`withSecret`); everywhere else it is `null`, as the official schema says.
 */
export function toWebhook(webhook: WebhookRecord, t: number, withSecret = false): Webhook {
  const version = versionAt(webhook, t);
  return {
    id: webhook.id,
    object: 'webhook',
    status: 'active',
    events: [...version.events],
    url: version.url,
    secret: withSecret ? webhook.secret : null,
    metadata: { ...webhook.metadata },
    createdAt: toIso(webhook.createdAt),
    updatedAt: toIso(webhook.updatedAt),
  };
}

/** The WebhookAttempt of one delivery attempt; its id is drawn from the seed and the attempt's coordinates. */
export function toWebhookAttempt(seed: number, report: DeliveryReport<EventType>): WebhookAttempt {
  return {
    id: exaId('wattempt', seed, report.webhookId, report.eventId, report.copy, report.attempt),
    object: 'webhook_attempt',
    eventId: report.eventId,
    eventType: report.eventType,
    webhookId: report.webhookId,
    url: report.url,
    successful: report.successful,
    responseHeaders: report.responseHeaders,
    responseBody: report.responseBody,
    responseStatusCode: report.statusCode,
    attempt: report.attempt,
    attemptedAt: toIso(report.attemptedAt),
  };
}
