import type { VendorDefinition } from '../adapter/vendor-definition.js';
import type { Runtime } from '../runtime/mock-runtime.js';
import { toIso, type VirtualClock } from '../core/clock.js';
import { advanceWithDeliveries } from '../webhooks/advance-with-deliveries.js';
import { startDeliveryTimer } from '../webhooks/delivery-timer.js';
import { createRuntimeWebhooks } from '../webhooks/runtime-webhooks.js';
import type { Logger } from './logger.js';

/**
 * Webhook delivery for the standalone server: every attempt is logged (`info`, `warn` when it failed);
 * on a real clock a wall-clock timer delivers what falls due, on a virtual one the control API's clock
 * moves stop at each due instant on the way and deliver there (`moveClock`).
 *
 * @example
 * const webhooks = createServerWebhooks(runtime, definitions, logger);
 * createAdminApi({ ...context, moveClock: webhooks.moveClock });
 * await webhooks.stop(); // at shutdown
 */
export function createServerWebhooks(
  runtime: Runtime,
  definitions: readonly VendorDefinition[],
  logger: Logger,
) {
  const dispatcher = createRuntimeWebhooks(runtime, definitions, {
    onReport: (report) => {
      logger[report.successful ? 'info' : 'warn'](
        {
          webhookId: report.webhookId,
          eventId: report.eventId,
          eventType: report.eventType,
          url: report.url,
          attempt: report.attempt,
          status: report.statusCode,
          ...(report.error === null ? {} : { error: report.error }),
          virtualTime: toIso(report.attemptedAt),
        },
        'webhook delivery',
      );
    },
  });
  const timer =
    runtime.clock.mode === 'real'
      ? startDeliveryTimer(dispatcher, {
          onError: (error) => {
            logger.error({ err: error }, 'webhook delivery failed');
          },
        })
      : null;
  return {
    /** Moves the virtual clock to `target`, delivering on the way (see `advanceWithDeliveries`). */
    moveClock: async (target: number) =>
      advanceWithDeliveries(dispatcher, runtime.clock as VirtualClock, target),
    /** Stops the timer and waits for the deliveries in flight. */
    stop: async (): Promise<void> => {
      await timer?.stop();
    },
  };
}
