import type { OperationHandler } from '../../adapter/vendor-definition.js';
import { whereTenantIdsAre } from '../../adapter/where-tenant-ids-are.js';
import type { PlanError } from '../../core/planner.js';
import type { RunRequest } from '../../core/run.js';
import type { components, operations } from '../../generated/sendkit.types.js';
import { jobTypeOf, SENDKIT_ENRICHMENTS } from './enrichment-types.js';
import { toJobStatus } from './to-job.js';

type EnrichLeadsResult = components['schemas']['EnrichLeadsResult'];

/**
 * Job ids as Sendkit shapes them: `bulk_<job type>_<epoch ms>_<7 lowercase alphanumerics>`. The epoch part
 * is the scenario's start plus the workspace's sequence number, never the clock's reading: on a real clock
 * that would make every replay of a journal miss its jobs.
 */
function jobIdFormat(jobType: string, startAtMs: number): NonNullable<RunRequest['formatId']> {
  return ({ token, sequence }) => `bulk_${jobType}_${startAtMs + sequence}_${token}`;
}

function describePlanError(error: PlanError): string {
  if (error.code === 'insufficient_credits')
    return `Insufficient credits: ${error.required} required, ${error.balance} available. Remove enrichment types or leads, or add credits.`;
  return `Cannot start the enrichment jobs (${error.code}). Check leadIds against GET /v1/leads.`;
}

/**
 * `POST /v1/enrichment/enrich`: one job per enrichment type over the workspace's person leads among
 * `leadIds` (duplicates counted once, other ids ignored), all charged up front in one atomic step: if the
 * workspace cannot pay for every job, nothing is created (402). A scenario's dispatch failure records the
 * jobs as `failed` at once, uncharged.
 */
export const enrichLeads: OperationHandler<operations['sendkitEnrichLeads']> = (context) => {
  const { simulator, scenario } = context.context;
  const { body } = context;
  const requested = [...new Set(body.leadIds)];
  const leadIds = requested.filter((id) => simulator.findLead(context.tenant, id)?.subject === 'person');
  if (leadIds.length === 0) {
    const which =
      requested.length === 1 ? `${requested[0]} is not` : `none of the ${requested.length} ids is`;
    return context.fail(
      400,
      'VALIDATION_ERROR',
      `leadIds: ${which} a person lead of this workspace. Use the lead ids GET /v1/leads returns. ${whereTenantIdsAre(context.tenant, scenario.name)}`,
    );
  }
  const requests = body.enrichmentTypes
    .map((type) => SENDKIT_ENRICHMENTS[type])
    .map(({ definition, jobType }): RunRequest => ({
      vendor: 'sendkit',
      enrichment: definition,
      scope: { type: 'leads', leadIds },
      input: {},
      outputAttribute: definition.outputAttribute,
      writePolicy: 'overwrite',
      // A job is all core run: Sendkit keeps nothing else with it.
      meta: undefined,
      ttlMs: scenario.expiry.sendkit,
      formatId: jobIdFormat(jobType, scenario.startAtMs),
      ...(context.dispatchFailure === undefined ? {} : { dispatchFailure: context.dispatchFailure }),
    }));
  const started = simulator.startRuns(context.tenant, requests);
  if (!started.ok) {
    const status = started.error.code === 'insufficient_credits' ? 402 : 400;
    return context.fail(
      status,
      status === 402 ? 'INSUFFICIENT_CREDITS' : 'VALIDATION_ERROR',
      describePlanError(started.error),
    );
  }
  const jobs = started.runs.map((run) => ({
    jobId: run.id,
    type: jobTypeOf(run.enrichment.slug),
    status: toJobStatus(simulator.state(run).status),
    totalItems: run.size,
    creditsUsed: run.creditsCharged,
  }));
  const data: EnrichLeadsResult = {
    jobs,
    totalLeads: leadIds.length,
    totalCreditsCharged: jobs.reduce((sum, job) => sum + job.creditsUsed, 0),
  };
  return { status: 200, body: { success: true, data } };
};
