import type { VendorDefinition } from '../adapter/vendor-definition.js';
import type { Runtime } from '../runtime/mock-runtime.js';
import { createWebhookDispatcher, type WebhookDispatcherOptions } from './create-webhook-dispatcher.js';

/**
 * The delivery engine of one mock: the webhook feeds of its vendors, over every scenario context of the
 * runtime, on the runtime's clock. Used by the in-process kit and the standalone server alike.
 *
 * @example
 * const webhooks = createRuntimeWebhooks(runtime, createVendors());
 * await webhooks.deliverDue();
 */
export function createRuntimeWebhooks(
  runtime: Runtime,
  vendors: readonly VendorDefinition[],
  options: Pick<WebhookDispatcherOptions, 'fetch' | 'onReport'> = {},
) {
  const feeds = vendors.flatMap((vendor) => (vendor.webhookFeed ? [vendor.webhookFeed] : []));
  // A reset or a new scenario makes new contexts: numbered, so the revision changes with them (and with
  // each tenant a context's limit forgets, which takes its webhooks along).
  const contextIds = new WeakMap<object, number>();
  let contexts = 0;
  const idOf = (context: object): number => {
    let id = contextIds.get(context);
    if (id === undefined) contextIds.set(context, (id = ++contexts));
    return id;
  };
  return createWebhookDispatcher({
    ...options,
    clock: runtime.clock,
    outboxes: (now) => feeds.flatMap((feed) => feed.outboxes(runtime.contexts(), now)),
    revision: () =>
      [
        ...feeds.map((feed) => feed.revision()),
        ...runtime.contexts().map((context) => `${idOf(context)}.${context.simulator.evictions()}`),
      ].join(','),
  });
}
