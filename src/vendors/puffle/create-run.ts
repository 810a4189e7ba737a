import type {
  OperationHandler,
  RequestContext,
  VendorFailure,
  VendorSuccess,
} from '../../adapter/vendor-definition.js';
import { derive, toUuid } from '../../core/random.js';
import type { RunRequest } from '../../core/run.js';
import type { components, operations } from '../../generated/puffle.types.js';
import type { EnrichmentDefinition } from '../../scenario/types.js';
import { requestFingerprint } from './fingerprint.js';
import { validateInput } from './input-validator.js';
import { planErrorResponse } from './plan-error-response.js';
import { toPuffleDetails } from './puffle-errors.js';
import { PUFFLE, triggerRunId, type PuffleRunMeta } from './run-meta.js';

type CreateEnrichmentRunRequest = components['schemas']['CreateEnrichmentRunRequest'];
type CreateEnrichmentRunResponse = components['schemas']['CreateEnrichmentRunResponse'];

/** The checks the planner leaves to the adapter: enrichment, scope shape, input and output override. */
function checkRequest(
  context: RequestContext,
  body: CreateEnrichmentRunRequest,
): { definition: EnrichmentDefinition } | { refused: VendorFailure } {
  const definition = context.context.scenario.world.catalog.find((entry) => entry.slug === body.enrichmentId);
  const refuse = (status: number, code: string, message: string, extra?: Record<string, unknown>) => ({
    refused: context.fail(status, code, message, extra),
  });
  if (!definition || !definition.enabled) {
    const why = definition ? 'is disabled' : 'does not exist';
    return refuse(
      400,
      'UNKNOWN_ENRICHMENT',
      `enrichmentId: enrichment "${body.enrichmentId}" ${why}. List the available slugs with GET /api/enrichments.`,
    );
  }
  if (body.scope.type === 'filtered_list') {
    return refuse(
      400,
      'FILTERED_SCOPE_UNSUPPORTED',
      'scope.type: filtered_list scopes are not supported by the planner yet; use explicit_leads or list.',
    );
  }
  const problems = validateInput(definition.inputSchema, body.input);
  if (problems.length > 0) {
    const reasons = problems.map((problem) => problem.message).join('; ');
    return refuse(
      400,
      'INVALID_INPUT',
      `input: does not match the input schema of enrichment "${definition.slug}": ${reasons}.`,
      {
        details: toPuffleDetails(problems),
      },
    );
  }
  if (body.output && definition.outputOverride === 'forbidden') {
    return refuse(
      400,
      'OUTPUT_TARGET_UNSUPPORTED',
      `output.attributeKey: enrichment "${definition.slug}" does not allow overriding its output attribute (outputOverridePolicy: forbidden); leave output out to write to "${definition.outputAttribute}".`,
    );
  }
  if (body.output?.attributeKey === '') {
    return refuse(
      400,
      'OUTPUT_TARGET_UNSUPPORTED',
      'output.attributeKey: must name an attribute; leave output out to use the default attribute.',
    );
  }
  return { definition };
}

/** The simulator's request for a Puffle body that passed `checkRequest`. */
function toRunRequest(
  context: RequestContext,
  body: CreateEnrichmentRunRequest,
  definition: EnrichmentDefinition,
): RunRequest<PuffleRunMeta> {
  const { scope } = body;
  return {
    vendor: PUFFLE,
    enrichment: definition,
    scope:
      scope.type === 'explicit_leads'
        ? { type: 'leads', leadIds: scope.leadIds, listId: scope.listId ?? null }
        : { type: 'list', listId: scope.listId },
    input: body.input,
    outputAttribute: body.output?.attributeKey ?? definition.outputAttribute,
    writePolicy: body.writePolicy,
    ...(body.mode === 'persisted' && context.dispatchFailure !== undefined
      ? { dispatchFailure: context.dispatchFailure }
      : {}),
    ttlMs: context.context.scenario.expiry.puffle,
    meta: { requested: scope },
  };
}

/** A preview: the resolved lead count under a `preview_` id that is never stored; free, no credit check. */
function previewRun(
  context: RequestContext,
  body: CreateEnrichmentRunRequest,
  request: RunRequest<PuffleRunMeta>,
): VendorSuccess<CreateEnrichmentRunResponse> | VendorFailure {
  const { simulator, scenario } = context.context;
  const planned = simulator.preview(context.tenant, request);
  if (!planned.ok) return planErrorResponse(context, planned.error, body, request.enrichment);
  const id = `preview_${toUuid(derive(scenario.seed, 'puffle-preview', context.tenant, context.requestId))}`;
  const response: CreateEnrichmentRunResponse = {
    enrichmentRunId: id,
    runId: id,
    status: 'preview',
    leadCount: planned.leadCount,
    triggerRunId: null,
    reusedExistingRun: false,
  };
  return { status: 200, body: response };
}

/**
 * `POST /api/enrichment`: previews, or plans, charges and records a run (atomically, idempotently per
 * `idempotencyKey`). A new run answers `pending`; a replay answers the existing run's current status with
 * `reusedExistingRun: true`; a dispatch failure answers 502 `DISPATCH_FAILED` and leaves a failed run.
 */
export const createRun: OperationHandler<operations['puffleCreateEnrichmentRun']> = (context) => {
  const { body } = context;
  const { simulator } = context.context;
  const checked = checkRequest(context, body);
  if ('refused' in checked) return checked.refused;
  const { definition } = checked;
  const request = toRunRequest(context, body, definition);
  if (body.mode === 'preview') return previewRun(context, body, request);

  const idempotency =
    body.idempotencyKey === undefined
      ? undefined
      : { key: body.idempotencyKey, fingerprint: requestFingerprint({ ...body }) };
  const started = simulator.startRuns(context.tenant, [request], idempotency);
  if (!started.ok) return planErrorResponse(context, started.error, body, definition);
  const [run] = started.runs;
  if (!run) throw new Error('Failed to start a Puffle run: the simulator returned no run for one request.');
  if (!started.reused && run.dispatchError !== null) {
    return context.fail(
      502,
      'DISPATCH_FAILED',
      `Enrichment run ${run.id} was created but could not be dispatched: ${run.dispatchError}. It shows as failed; retry with a new idempotencyKey (the same key returns this failed run).`,
      { enrichmentRunId: run.id, runId: run.id },
    );
  }
  const response: CreateEnrichmentRunResponse = {
    enrichmentRunId: run.id,
    runId: run.id,
    status: started.reused ? simulator.state(run).status : 'pending',
    leadCount: run.size,
    triggerRunId: triggerRunId(run),
    reusedExistingRun: started.reused,
  };
  return { status: 200, body: response };
};
