import { MAX_INSTANT_MS, type Clock } from '../core/clock.js';
import { attemptDueAt, deliveryKey, plannedCopies } from './delivery-schedule.js';
import type { DeliveryReport, FeedEvent, Outbox, Subscription } from './outbox.js';
import { postDelivery, type FetchLike } from './post-delivery.js';
import { isSuccess } from '../http/is-success.js';

export interface WebhookDispatcherOptions {
  clock: Clock;
  /** Every outbox at `now` (the webhooks and the events they may receive). */
  outboxes(now: number): Outbox[];
  /**
   * Changes whenever a command could have changed the outboxes other than by the passing of time; while
   * it holds, a plan made for a later instant stays valid. Without it, the plan is made again before
   * every attempt.
   */
  revision?(): string | number;
  /** The fetch deliveries go through; default the global one, looked up at each delivery. */
  fetch?: FetchLike;
  /** Called after every attempt (logs). */
  onReport?(report: DeliveryReport): void;
}

/** One attempt waiting to be made. */
interface Pending {
  dueAt: number;
  /** Tie-breakers: outbox, event (in the order events happened), webhook, copy. */
  rank: [number, number, number, number];
  outbox: Outbox;
  subscription: Subscription;
  event: FeedEvent;
  copy: number;
  releaseAt: number;
  attempt: number;
}

const before = (a: Pending, b: Pending): number => {
  if (a.dueAt !== b.dueAt) return a.dueAt - b.dueAt;
  for (let i = 0; i < a.rank.length; i++) {
    const d = (a.rank[i] ?? 0) - (b.rank[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

/** Inserts `item` into the sorted `queue` after every entry due no later than it. */
function enqueue(queue: Pending[], item: Pending): void {
  let at = queue.length;
  while (at > 0 && before(queue[at - 1] as Pending, item) > 0) at--;
  queue.splice(at, 0, item);
}

/** The attempt after `attempts` of one copy, if the schedule has one before the webhook's deletion. */
function nextDue(
  outbox: Outbox,
  subscription: Subscription,
  releaseAt: number,
  attempts: number,
): number | null {
  const due = attemptDueAt(releaseAt, outbox.policy.retryScheduleMs, attempts + 1);
  if (due === null || (subscription.deletedAt !== null && due >= subscription.deletedAt)) return null;
  return due;
}

/** Every delivery not done yet with its next attempt, whenever it is due, in due order. */
function pendingAttempts(outboxes: Outbox[]): Pending[] {
  const pending: Pending[] = [];
  outboxes.forEach((outbox, outboxIndex) => {
    outbox.subscriptions.forEach((subscription, subscriptionIndex) => {
      outbox.events.forEach((event, eventIndex) => {
        if (event.at < subscription.createdAt || !subscription.wants(event.type, event.at)) return;
        for (const { copy, releaseAt } of plannedCopies(outbox.seed, outbox.policy, subscription.id, event)) {
          const key = deliveryKey(event.id, copy);
          const entry = subscription.ledger.get(key) ?? { attempts: 0, done: false };
          if (entry.done) continue;
          const dueAt = nextDue(outbox, subscription, releaseAt, entry.attempts);
          if (dueAt === null) {
            subscription.ledger.set(key, { ...entry, done: true });
            continue;
          }
          const rank: Pending['rank'] = [outboxIndex, eventIndex, subscriptionIndex, copy];
          pending.push({
            dueAt,
            rank,
            outbox,
            subscription,
            event,
            copy,
            releaseAt,
            attempt: entry.attempts + 1,
          });
        }
      });
    });
  });
  return pending.sort(before);
}

/**
 * The webhook delivery engine: an outbox computed from the derived event stream and the webhooks (event
 * instant + delay + hold-back + retry schedule = due instant), and `deliverDue`, which POSTs every attempt
 * due by now, one at a time, in due order (ties: the order events happened, then webhook, then copy), and
 * schedules the next attempt of each that failed. Runs never overlap: a call waits for the one before.
 *
 * @example
 * const dispatcher = createWebhookDispatcher({ clock, outboxes: (now) => feed(runtime.contexts(), now) });
 * clock.advance(60_000);
 * const reports = await dispatcher.deliverDue();
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions) {
  const { clock } = options;
  const fetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let chain: Promise<unknown> = Promise.resolve();

  const attempt = async (item: Pending): Promise<DeliveryReport> => {
    const { outbox, subscription, event } = item;
    const attemptedAt = clock.mode === 'virtual' ? item.dueAt : Math.max(item.dueAt, clock.now());
    const url = subscription.urlAt(attemptedAt);
    const requestBody = JSON.stringify(event.render());
    const requestHeaders = {
      'content-type': 'application/json',
      'user-agent': 'enrichment-mock-webhooks',
      ...subscription.sign(requestBody, attemptedAt),
    };
    const outcome = await postDelivery(fetch, url, requestBody, requestHeaders, outbox.policy.timeoutMs);
    const successful = isSuccess(outcome.statusCode);
    const nextAttemptAt = successful ? null : nextDue(outbox, subscription, item.releaseAt, item.attempt);
    subscription.ledger.set(deliveryKey(event.id, item.copy), {
      attempts: item.attempt,
      done: nextAttemptAt === null,
    });
    const report: DeliveryReport = {
      webhookId: subscription.id,
      eventId: event.id,
      eventType: event.type,
      url,
      copy: item.copy,
      attempt: item.attempt,
      dueAt: item.dueAt,
      attemptedAt,
      ...outcome,
      successful,
      nextAttemptAt,
      requestBody,
      requestHeaders,
    };
    subscription.record(report);
    options.onReport?.(report);
    return report;
  };

  /**
   * The attempts not made yet, in due order. With a revision, the plan covers every event the commands
   * so far cause, at any instant, and is kept until the revision changes: a look at the outbox between
   * two commands costs the attempts due, not the history. Without one, it is made afresh for `horizon`.
   */
  let kept: { revision: string | number; queue: Pending[] } | null = null;
  const planned = (horizon: number): Pending[] => {
    const revision = options.revision?.();
    if (revision === undefined) return pendingAttempts(options.outboxes(horizon));
    if (kept?.revision !== revision)
      kept = { revision, queue: pendingAttempts(options.outboxes(MAX_INSTANT_MS)) };
    return kept.queue;
  };

  /**
   * Makes every attempt due by `until`, in due order, calling `reach(dueAt)` before each (to move a
   * virtual clock there). The plan is made again only when the revision changes (a receiver called the
   * API back, say), so a long advance costs one derivation, not one per delivery.
   */
  const run = async (until: number, reach?: (instant: number) => void): Promise<DeliveryReport[]> => {
    const reports: DeliveryReport[] = [];
    for (;;) {
      const queue = planned(until);
      const item = queue[0];
      if (item === undefined || item.dueAt > until) break;
      queue.shift();
      reach?.(item.dueAt);
      const report = await attempt(item);
      reports.push(report);
      if (report.nextAttemptAt !== null)
        enqueue(queue, { ...item, dueAt: report.nextAttemptAt, attempt: item.attempt + 1 });
    }
    return reports;
  };

  /** Runs `task` after every run before it has finished: runs never overlap. */
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task);
    chain = next.catch(() => undefined);
    return next;
  };

  return {
    /**
     * Makes every attempt due by the clock's current instant (read when this run starts), in due order,
     * and resolves with their reports. Retries that fall due by then are made too.
     */
    deliverDue(): Promise<DeliveryReport[]> {
      return serialised(() => run(clock.now()));
    },
    /**
     * Makes every attempt due by `until` (an instant at or after now), calling `reach(dueAt)` before
     * each so the caller can move a virtual clock there first: a receiver then sees the world as it was
     * at its delivery. Events the receiver's own calls cause are delivered too, when due by `until`.
     */
    deliverUntil(until: number, reach: (instant: number) => void): Promise<DeliveryReport[]> {
      return serialised(() => run(until, reach));
    },
    /**
     * When the earliest attempt not made yet is due (possibly already), or null when nothing is owed.
     * With a `horizon` past now, events up to the horizon count too, as the world stands now (a command
     * sent in between, like a cancel, can change what happens later).
     */
    nextDueAt(horizon: number = clock.now()): number | null {
      const until = Math.max(horizon, clock.now());
      return planned(until).find((item) => item.event.at <= until)?.dueAt ?? null;
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
