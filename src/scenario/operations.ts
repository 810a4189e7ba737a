import type { Vendor } from './types.js';

/**
 * The operationIds under `paths` of each vendor's OpenAPI document (`openapi/*.yaml`): what a fault rule's
 * `match.operation` may name. A test keeps this list equal to the documents.
 */
export const OPERATIONS: Readonly<Record<Vendor, readonly string[]>> = {
  puffle: [
    'puffleCreateEnrichmentRun',
    'puffleGetEnrichmentRun',
    'puffleListEnrichmentRunItems',
    'puffleCancelEnrichmentRun',
    'puffleListEnrichments',
  ],
  sendkit: [
    'sendkitEnrichLeads',
    'sendkitGetEnrichmentJob',
    'sendkitCancelEnrichmentJob',
    'sendkitListLeads',
  ],
  exa: [
    'exaCreateWebset',
    'exaListWebsets',
    'exaGetWebset',
    'exaUpdateWebset',
    'exaDeleteWebset',
    'exaCancelWebset',
    'exaListItems',
    'exaGetItem',
    'exaDeleteItem',
    'exaCreateEnrichment',
    'exaGetEnrichment',
    'exaUpdateEnrichment',
    'exaDeleteEnrichment',
    'exaCancelEnrichment',
    'exaListEvents',
    'exaGetEvent',
    'exaCreateWebhook',
    'exaListWebhooks',
    'exaGetWebhook',
    'exaUpdateWebhook',
    'exaDeleteWebhook',
    'exaListWebhookAttempts',
  ],
};

/** Operations that dispatch enrichment work: the only ones a `dispatchFailure` fault can apply to. */
export const DISPATCHING_OPERATIONS: ReadonlySet<string> = new Set([
  'puffleCreateEnrichmentRun',
  'sendkitEnrichLeads',
  'exaCreateWebset',
  'exaCreateEnrichment',
]);

/** Every known operationId, in document order. */
export const ALL_OPERATIONS: readonly string[] = Object.values(OPERATIONS).flat();

/** The vendor whose document declares `operation`, if any. */
export function vendorOfOperation(operation: string): Vendor | undefined {
  for (const [vendor, operations] of Object.entries(OPERATIONS) as [Vendor, readonly string[]][]) {
    if (operations.includes(operation)) return vendor;
  }
  return undefined;
}
