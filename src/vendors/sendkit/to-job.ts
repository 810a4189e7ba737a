import type { RunState } from '../../core/run-state.js';
import type { Run, RunStatus } from '../../core/run.js';
import type { components } from '../../generated/sendkit.types.js';
import { jobTypeOf } from './enrichment-types.js';
import { toIso } from '../../core/clock.js';

type Job = components['schemas']['Job'];
type CancelledJob = components['schemas']['CancelledJob'];
export type JobStatus = components['schemas']['JobStatus'];

/** The run status in Sendkit's words: a running run is `processing`. */
export function toJobStatus(status: RunStatus): JobStatus {
  return status === 'running' ? 'processing' : status;
}

/**
 * A simulator run as a Sendkit job. `processedItems` counts the items that finished (`successCount`
 * completed plus `failedCount` failed); items skipped by a cancel were never processed. `creditsUsed` is
 * what the run was charged at creation and never changes.
 *
 * @example
 * toJob(run, simulator.state(run)); // { id: 'bulk_email_verification_...', status: 'processing', ... }
 */
export function toJob(run: Run, state: RunState): Job {
  const { completed, failed } = state.counts;
  return {
    id: run.id,
    type: jobTypeOf(run.enrichment.slug),
    status: toJobStatus(state.status),
    metadata: {
      totalItems: run.size,
      processedItems: completed + failed,
      successCount: completed,
      failedCount: failed,
      creditsUsed: run.creditsCharged,
    },
    totalLeads: run.size,
    createdAt: toIso(run.createdAt),
    updatedAt: toIso(state.updatedAt),
    startedAt: state.startedAt === null ? null : toIso(state.startedAt),
    completedAt: state.completedAt === null ? null : toIso(state.completedAt),
  };
}

/**
 * The job a successful cancel returns: `cancelled`, completed at the cancel. The core answers a cancel
 * `ok` only with the run cancelled at that instant, so anything else is a broken invariant.
 *
 * @example
 * toCancelledJob(result.run, result.state).status; // 'cancelled'
 */
export function toCancelledJob(run: Run, state: RunState): CancelledJob {
  const job = toJob(run, state);
  if (job.status !== 'cancelled' || job.completedAt === null)
    throw new Error(
      `Run ${run.id} was cancelled but reads ${job.status} (completed at ${String(job.completedAt)}): the core's cancel and state disagree.`,
    );
  return { ...job, status: job.status, completedAt: job.completedAt };
}
