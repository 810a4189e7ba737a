import type { WebhookDispatcher } from './create-webhook-dispatcher.js';

export interface DeliveryTimerOptions {
  /** Wall-clock milliseconds between two looks at the outbox. Default 250. */
  intervalMs?: number;
  /** A run that failed (a broken invariant, not a failed delivery: those are reports). */
  onError: (error: unknown) => void;
}

/**
 * Delivers due webhooks on a wall-clock timer, for a mock on a real clock: every `intervalMs` it runs
 * `deliverDue` unless the previous run is still busy. The timer does not keep the process alive.
 *
 * @example
 * const timer = startDeliveryTimer(dispatcher, { onError: (error) => logger.error({ err: error }, 'webhook delivery failed') });
 * await timer.stop(); // at shutdown: no new runs, and the current one has finished
 */
export function startDeliveryTimer(dispatcher: WebhookDispatcher, options: DeliveryTimerOptions) {
  let running: Promise<void> | null = null;
  const tick = (): void => {
    if (running) return;
    running = dispatcher
      .deliverDue()
      .then(() => undefined, options.onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 250);
  timer.unref();
  return {
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
    },
  };
}
