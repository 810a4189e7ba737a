import type { OperationHandler } from '../../adapter/vendor-definition.js';
import type { operations } from '../../generated/sendkit.types.js';
import { jobNotFound } from './job-not-found.js';
import { toCancelledJob, toJobStatus } from './to-job.js';

/**
 * `POST /v1/enrichment/jobs/{jobId}/cancel`: cancels a pending or processing job and returns it. A job in
 * a terminal status is refused with 400 `VALIDATION_ERROR` naming its status; so is a cancel that meets
 * the job's completion (Sendkit has no separate code for that race), naming the status it completes with.
 */
export const cancelEnrichmentJob: OperationHandler<operations['sendkitCancelEnrichmentJob']> = (context) => {
  const { jobId } = context.params;
  const result = context.context.simulator.cancelRun(context.tenant, jobId, 'sendkit');
  if (result.ok)
    return { status: 200, body: { success: true, data: toCancelledJob(result.run, result.state) } };
  if (result.code === 'not_found') return jobNotFound(context, jobId);
  return context.fail(
    400,
    'VALIDATION_ERROR',
    `Job cannot be cancelled in status "${toJobStatus(result.status)}"`,
  );
};
