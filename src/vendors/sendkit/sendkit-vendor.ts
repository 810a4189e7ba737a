import type { OperationHandlers, VendorBehaviour } from '../../adapter/vendor-definition.js';
import type { operations } from '../../generated/sendkit.types.js';
import { cancelEnrichmentJob } from './cancel-enrichment-job.js';
import { toJob } from './to-job.js';
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
 * const sendkit = createSendkitVendor(); // joined to its descriptor by createVendors()
 */
export function createSendkitVendor(): VendorBehaviour {
  return {
    authenticate: authenticateSendkit,
    errorBody: sendkitErrorBody,
    failures: SENDKIT_FAILURES,
    codeForStatus: sendkitCodeForStatus,
    headers: (_tenant, now, response) => rateLimitHeaders(now, response),
    describeRun: (context, run) => ({ success: true, data: toJob(run, context.simulator.state(run)) }),
    operations: Object.fromEntries(
      Object.entries(OPERATIONS).map(([id, handle]) => [id, refuseRevokedPlatformKey(handle)]),
    ),
  };
}
