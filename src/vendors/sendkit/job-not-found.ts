import type { OperationContext, VendorResponse } from '../../adapter/vendor-definition.js';

/**
 * Sendkit's answer for a job id the workspace cannot see: unknown, another workspace's, or expired
 * (jobs expire after the scenario's `expiry.sendkit`, 7 days by default).
 */
export function jobNotFound(context: OperationContext): VendorResponse {
  return context.fail(404, 'NOT_FOUND', 'Job not found or expired');
}
