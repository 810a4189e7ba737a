import { derive, toUnit } from '../core/random.js';
import type { WebhookModel } from '../scenario/types.js';

/** The copy of a duplicated delivery leaves up to this long after the original. */
export const DUPLICATE_LAG_MS = 10_000;

/** One copy of a delivery and the instant it is released (its first attempt is due `retrySchedule[0]` later). */
export interface PlannedCopy {
  copy: number;
  releaseAt: number;
}

/**
 * The copies of the delivery of one event to one webhook, each with its release instant: the event's
 * instant plus `delay`, plus a seeded hold-back within the reorder window. With probability `duplicate`
 * (drawn from the seed, the webhook and the event) a second copy follows up to `DUPLICATE_LAG_MS` later.
 * Pure: the same seed, policy, webhook and event always give the same plan.
 *
 * @example
 * plannedCopies(1, { ...DEFAULT_WEBHOOK_MODEL, delayMs: 2_000 }, 'webhook_a', { id: 'event_b', at: 0 });
 * // [{ copy: 0, releaseAt: 2_000 }]
 */
export function plannedCopies(
  seed: number,
  policy: WebhookModel,
  webhookId: string,
  event: { id: string; at: number },
): PlannedCopy[] {
  const holdBack = (copy: number): number =>
    policy.reorderWindowMs > 0
      ? Math.floor(
          toUnit(derive(seed, 'webhook-reorder', webhookId, event.id, copy)) * policy.reorderWindowMs,
        )
      : 0;
  const released = event.at + policy.delayMs;
  const copies: PlannedCopy[] = [{ copy: 0, releaseAt: released + holdBack(0) }];
  const duplicated =
    policy.duplicate > 0 && toUnit(derive(seed, 'webhook-duplicate', webhookId, event.id)) < policy.duplicate;
  if (duplicated) {
    const lag = Math.floor(
      toUnit(derive(seed, 'webhook-duplicate-lag', webhookId, event.id)) * DUPLICATE_LAG_MS,
    );
    copies.push({ copy: 1, releaseAt: released + holdBack(1) + lag });
  }
  return copies;
}

/**
 * When attempt `attempt` (1-based) of a copy released at `releaseAt` is due, or null past the schedule.
 *
 * @example
 * attemptDueAt(1_000, [0, 10_000, 30_000], 2); // 11_000
 * attemptDueAt(1_000, [0, 10_000, 30_000], 4); // null
 */
export function attemptDueAt(
  releaseAt: number,
  retryScheduleMs: readonly number[],
  attempt: number,
): number | null {
  const offset = retryScheduleMs[attempt - 1];
  return offset === undefined ? null : releaseAt + offset;
}

/** The key of one copy of one event's delivery in a webhook's ledger. */
export const deliveryKey = (eventId: string, copy: number): string => `${eventId}#${copy}`;
