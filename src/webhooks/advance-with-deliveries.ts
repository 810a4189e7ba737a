import { isRepresentableInstant, type VirtualClock } from '../core/clock.js';
import type { WebhookDispatcher } from './create-webhook-dispatcher.js';
import type { DeliveryReport } from './outbox.js';

export type AdvanceResult =
  { ok: true; now: number; reports: DeliveryReport[] } | { ok: false; message: string };

/**
 * Moves a virtual clock to `target`, stopping at every instant a webhook delivery falls due on the way
 * and delivering there, so a receiver that calls the API back sees the world as it was at the delivery
 * (and a signature checked against the mock's clock is fresh). Refuses, before delivering anything, a
 * target in the past or past 9999-12-31T23:59:59.999Z (see `isRepresentableInstant`).
 *
 * @example
 * const moved = await advanceWithDeliveries(dispatcher, clock, clock.now() + 60_000);
 * if (moved.ok) moved.reports; // every attempt made on the way, in due order
 */
export async function advanceWithDeliveries(
  dispatcher: WebhookDispatcher,
  clock: VirtualClock,
  target: number,
): Promise<AdvanceResult> {
  if (!(target >= clock.now()) || !isRepresentableInstant(target)) {
    const refused = clock.set(target);
    if (!refused.ok) return refused;
  }
  const reports = await dispatcher.deliverUntil(target, (instant) => {
    // A receiver may have moved the clock itself (an auto-advancing read): never move it back.
    if (instant > clock.now()) clock.set(instant);
  });
  const moved = clock.set(Math.max(target, clock.now()));
  if (!moved.ok) return moved;
  return { ok: true, now: moved.now, reports };
}
