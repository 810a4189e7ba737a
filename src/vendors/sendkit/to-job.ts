import type { RunState } from '../../core/run-state.js';
import type { Run, RunStatus } from '../../core/run.js';
import type { components } from '../../generated/sendkit.types.js';
import { jobTypeOf } from './enrichment-types.js';
import { toIso } from '../../core/clock.js';

type Job = components['schemas']['Job'];
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
