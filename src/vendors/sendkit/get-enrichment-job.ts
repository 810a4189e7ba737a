import type { OperationHandler } from '../../adapter/vendor-definition.js';
import type { operations } from '../../generated/sendkit.types.js';
import { jobNotFound } from './job-not-found.js';
import { toJob } from './to-job.js';

/** `GET /v1/enrichment/jobs/{jobId}`: the job's status and counters now. */
export const getEnrichmentJob: OperationHandler<operations['sendkitGetEnrichmentJob']> = (context) => {
  const { simulator } = context.context;
  const { jobId } = context.params;
  const run = simulator.getRun(context.tenant, jobId, 'sendkit');
  if (!run) return jobNotFound(context, jobId);
  return { status: 200, body: { success: true, data: toJob(run, simulator.state(run)) } };
};
