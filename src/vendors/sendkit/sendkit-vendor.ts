import type { OperationHandlers, VendorDefinition } from '../../adapter/vendor-definition.js';
import document from '../../generated/sendkit.document.js';
import type { operations } from '../../generated/sendkit.types.js';
import { cancelEnrichmentJob } from './cancel-enrichment-job.js';
import { enrichLeads } from './enrich-leads.js';
import { getEnrichmentJob } from './get-enrichment-job.js';
import { listLeads } from './list-leads.js';
import { rateLimitHeaders } from './rate-limit-headers.js';
import { authenticateSendkit, refuseRevokedPlatformKey } from './sendkit-auth.js';
import { SENDKIT_FAILURES, sendkitCodeForStatus, sendkitErrorBody } from './sendkit-errors.js';

const OPERATIONS: OperationHandlers<operations> = {
  sendkitEnrichLeads: enrichLeads,
  sendkitGetEnrichmentJob: getEnrichmentJob,
  sendkitCancelEnrichmentJob: cancelEnrichmentJob,
  sendkitListLeads: listLeads,
};

/**
 * Sendkit's adapter (`https://api.sendkit.ai/v1`): bulk enrichment jobs, one per enrichment type, over a
 * workspace's person leads, their status and cancellation, and the leads the results land on. Every
 * answer is wrapped in `{ success, data | error }` and carries the rate-limit headers.
 *
 * @example
 * const handler = createVendorHandler(createSendkitVendor(), runtime, 'https://api.sendkit.ai');
 */
export function createSendkitVendor(): VendorDefinition {
  return {
    vendor: 'sendkit',
    basePath: '/v1',
    document,
    authenticate: authenticateSendkit,
    errorBody: sendkitErrorBody,
    failures: SENDKIT_FAILURES,
    codeForStatus: sendkitCodeForStatus,
    headers: (_tenant, now, response) => rateLimitHeaders(now, response),
    operations: Object.fromEntries(
      Object.entries(OPERATIONS).map(([id, handle]) => [id, refuseRevokedPlatformKey(handle)]),
    ),
  };
}
