import type { OperationHandler } from '../../adapter/vendor-definition.js';
import { jobNotFound } from './job-not-found.js';
import { toJob } from './to-job.js';

/** `GET /v1/enrichment/jobs/{jobId}`: the job's status and counters now. */
export const getEnrichmentJob: OperationHandler = (context) => {
  const { simulator } = context.context;
  const run = simulator.getRun(context.tenant, String(context.params['jobId']), 'sendkit');
  if (!run) return jobNotFound(context);
  return { status: 200, body: { success: true, data: toJob(run, simulator.state(run)) } };
};
