import type { OperationHandlers, VendorBehaviour } from '../../adapter/vendor-definition.js';
import { createWebset } from './create-webset.js';
import { toEnrichment } from './to-enrichment.js';
import { authenticateExa } from './exa-auth.js';
import { enrichmentOperations } from './enrichment-operations.js';
import { EXA_FAILURES, exaErrorBody, exaTagForStatus } from './exa-errors.js';
import type { ExaOperations } from './exa-handlers.js';
import { createExaDependencies } from './exa-scope.js';
import { createEventIndex } from './event-index.js';
import { eventOperations } from './event-operations.js';
import { itemOperations } from './item-operations.js';
import { createCommandCounter, createExaWebhookFeed } from './webhook-feed.js';
import { webhookOperations } from './webhook-operations.js';
import { createWebhookStore } from './webhook-store.js';
import { websetOperations } from './webset-operations.js';

/**
 * The Exa Websets adapter: Websets are lists of generated leads in the tenant's world, Enrichments are
 * core runs over them, Items show each run's per-lead results, and Events are derived from both.
 * Webhooks subscribe to those Events; `webhookFeed` hands them to the delivery engine (`src/webhooks`).
 *
 * @example
 * const exa = createExaVendor(); // joined to its descriptor by createVendors()
 */
export function createExaVendor(): VendorBehaviour {
  const dependencies = createExaDependencies();
  const webhooks = createWebhookStore();
  const commands = createCommandCounter();
  const events = createEventIndex();
  const operations: OperationHandlers<ExaOperations> = {
    exaCreateWebset: createWebset(dependencies),
    ...websetOperations(dependencies),
    ...itemOperations(dependencies),
    ...enrichmentOperations(dependencies),
    ...eventOperations(dependencies, events),
    ...webhookOperations(webhooks),
  };
  return {
    authenticate: authenticateExa,
    errorBody: exaErrorBody,
    failures: EXA_FAILURES,
    codeForStatus: exaTagForStatus,
    operations: commands.count(operations),
    webhookFeed: createExaWebhookFeed(dependencies, webhooks, events, commands.revision),
    describeRun: ({ simulator }, run) => {
      // An Enrichment's run covers its Webset's list: the Webset is found by it, then the Enrichment.
      const listId = run.scope.type === 'list' ? run.scope.list.id : '';
      const enrichment = dependencies.store
        .of(simulator.tenant(run.tenant))
        .ofList(listId)
        ?.enrichments.find((candidate) => candidate.run?.id === run.id);
      return enrichment ? toEnrichment(enrichment, simulator.now()) : null;
    },
  };
}
