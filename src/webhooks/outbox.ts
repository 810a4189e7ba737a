import type { ScenarioContext } from '../runtime/mock-runtime.js';
import type { WebhookModel } from '../scenario/types.js';

/**
 * What the delivery engine reads from a vendor adapter: the events that happened (derived, so the same at
 * every call for the same instant) and the webhooks subscribed to them. The engine owns only the ledger of
 * what it already sent; the adapter stores the attempts for its own API.
 */

/** One event a webhook may receive; `Type` is the vendor's union of event types. */
export interface FeedEvent<Type extends string = string> {
  id: string;
  type: Type;
  /** When it happened (ms since epoch, on the mock's clock). */
  at: number;
  /** The JSON body a delivery carries: the event as the vendor's API shows it. */
  render(): unknown;
}

/** How far the engine got with one delivery (one event, one webhook, one copy). */
export interface LedgerEntry {
  /** Attempts made so far. */
  attempts: number;
  /** Delivered (a 2xx) or given up (schedule exhausted, webhook deleted). */
  done: boolean;
}

/** One delivery attempt, as the engine made it: what was sent where, and what came back. */
export interface DeliveryReport<Type extends string = string> {
  webhookId: string;
  eventId: string;
  /** The type of the event delivered: one of its outbox's `FeedEvent` types. */
  eventType: Type;
  url: string;
  /** 0 for the original delivery, 1 for the copy a scenario's `webhooks.duplicate` adds. */
  copy: number;
  /** 1-based attempt number of this copy. */
  attempt: number;
  /** The instant the attempt was due (ms since epoch). */
  dueAt: number;
  /** The instant it was made: the due instant on a virtual clock, the clock's reading on a real one. */
  attemptedAt: number;
  /** The receiver's HTTP status; 0 when it could not be reached or did not answer in time. */
  statusCode: number;
  /** A 2xx answer. */
  successful: boolean;
  responseHeaders: Record<string, string>;
  /** The receiver's answer (cut at 64 KiB), or null when there was none. */
  responseBody: string | null;
  /** Why no answer came (timeout, connection refused), or null. */
  error: string | null;
  /** When the next attempt is due; null when delivered, out of attempts, or the webhook is gone by then. */
  nextAttemptAt: number | null;
  /** The exact bytes POSTed, and the headers sent with them. */
  requestBody: string;
  requestHeaders: Record<string, string>;
}

/**
 * A webhook as the engine sees it. `Type` is the event types of its outbox: the engine reports an attempt
 * only for an event of the same outbox, so `record` meets only those.
 */
export interface Subscription<Type extends string = string> {
  id: string;
  createdAt: number;
  deletedAt: number | null;
  /** Whether it wanted events of `type` at the instant `at` (its settings may change over time). */
  wants(type: string, at: number): boolean;
  /** Where deliveries go at `t`. */
  urlAt(t: number): string;
  /** The headers that sign `rawBody`, sent at `attemptedAt`. */
  sign(rawBody: string, attemptedAt: number): Record<string, string>;
  /** The engine's bookkeeping, keyed by delivery; kept with the webhook so a reset forgets it. */
  ledger: Map<string, LedgerEntry>;
  /** Stores an attempt where the vendor's API can list it. */
  record(report: DeliveryReport<Type>): void;
}

/**
 * The webhooks of one API key and the events they may receive, with the scenario's delivery rules; `Type`
 * is the vendor's event types (the engine mixes vendors' outboxes, so it reads them as `string`).
 */
export interface Outbox<Type extends string = string> {
  /** Seed of the duplicate and reorder draws. */
  seed: number;
  policy: WebhookModel;
  subscriptions: readonly Subscription<Type>[];
  /** Every event up to the instant asked for, oldest first (ties in the order they happened). */
  events: readonly FeedEvent<Type>[];
}

/** A delivery attempt as the vendor's API keeps it: what conformance judges a receiver by. */
export interface RecordedDelivery {
  /** The attempt's id in the vendor's API. */
  id: string;
  /** The API key whose webhook it was. */
  tenant: string;
  webhookId: string;
  url: string;
  /** The receiver's HTTP status; 0 when it could not be reached or did not answer within the timeout. */
  statusCode: number;
}

/** What a vendor adapter gives the delivery engine. */
export interface WebhookFeed {
  /** The adapter's outboxes across the runtime's scenario contexts, with the events up to `now`. */
  outboxes(contexts: readonly ScenarioContext[], now: number): Outbox[];
  /**
   * Changes whenever a command could have changed the outboxes other than by the passing of time (a
   * Webset, Enrichment or Webhook created, changed or deleted). While it stays the same, outboxes computed
   * for a later instant hold, so the engine need not compute them again before each delivery.
   */
  revision(): number;
  /** Every delivery attempt made so far across the contexts, in the order each webhook got them. */
  deliveries(contexts: readonly ScenarioContext[]): RecordedDelivery[];
}
