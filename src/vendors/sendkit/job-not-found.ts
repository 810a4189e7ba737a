import type { RequestContext, VendorFailure } from '../../adapter/vendor-definition.js';
import { elsewhereHint } from '../../runtime/elsewhere-hint.js';

/**
 * Sendkit's answer for a job id the workspace cannot see: unknown, another workspace's, or expired
 * (jobs expire after the scenario's `expiry.sendkit`, 7 days by default). A job of another scenario is
 * named in the message.
 */
export function jobNotFound(context: RequestContext, id: string): VendorFailure {
  const hint = elsewhereHint(
    context.context,
    (other) => other.simulator.getRun(context.tenant, id, 'sendkit') !== undefined,
  );
  return context.fail(404, 'NOT_FOUND', `Job not found or expired${hint ? `.${hint}` : ''}`);
}
