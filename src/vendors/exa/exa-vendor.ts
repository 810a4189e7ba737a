import type { OpenApiDocument } from '../../openapi/document-resolver.js';
import type { VendorDefinition } from '../../adapter/vendor-definition.js';
import type { HeaderReader } from '../../http/plain-request.js';
import document from '../../generated/exa-websets.document.js';
import { createWebset } from './create-webset.js';
import { enrichmentOperations } from './enrichment-operations.js';
import { EXA_FAILURES, EXA_TAGS, exaErrorBody, exaTagForStatus } from './exa-errors.js';
import { createExaDependencies } from './exa-scope.js';
import { eventOperations } from './event-operations.js';
import { itemOperations } from './item-operations.js';
import { createCommandCounter, createExaWebhookFeed } from './webhook-feed.js';
import { webhookOperations } from './webhook-operations.js';
import { createWebhookStore } from './webhook-store.js';
import { websetOperations } from './webset-operations.js';

/** The header exa-js sends the API key in. */
export const EXA_API_KEY_HEADER = 'x-api-key';

/** The tenant is the `x-api-key`; a missing or blank key is a 401 `INVALID_API_KEY`. */
function authenticate(headers: HeaderReader): ReturnType<VendorDefinition['authenticate']> {
  const key = headers.get(EXA_API_KEY_HEADER)?.trim();
  if (key) return { ok: true, key };
  return {
    ok: false,
    status: 401,
    code: EXA_TAGS.invalidApiKey,
    message: 'Invalid API key: send your Exa API key in the x-api-key header.',
  };
}

/**
 * The Exa Websets adapter: Websets are lists of generated leads in the tenant's world, Enrichments are
 * core runs over them, Items show each run's per-lead results, and Events are derived from both.
 * Webhooks subscribe to those Events; `webhookFeed` hands them to the delivery engine (`src/webhooks`).
 *
 * @example
 * const handler = createVendorHandler(createExaVendor(), runtime, 'https://api.exa.ai');
 */
export function createExaVendor(): VendorDefinition {
  const dependencies = createExaDependencies();
  const webhooks = createWebhookStore();
  const commands = createCommandCounter();
  return {
    vendor: 'exa',
    basePath: '/websets/v0',
    document: document as OpenApiDocument,
    authenticate,
    errorBody: exaErrorBody,
    failures: EXA_FAILURES,
    codeForStatus: exaTagForStatus,
    operations: commands.count({
      exaCreateWebset: createWebset(dependencies),
      ...websetOperations(dependencies),
      ...itemOperations(dependencies),
      ...enrichmentOperations(dependencies),
      ...eventOperations(dependencies),
      ...webhookOperations(webhooks),
    }),
    webhookFeed: createExaWebhookFeed(dependencies, webhooks, commands.revision),
  };
}
