import type { RequestContext, VendorFailure } from '../../adapter/vendor-definition.js';
import { whereTenantIdsAre } from '../../adapter/where-tenant-ids-are.js';
import type { PlanError } from '../../core/planner.js';
import type { components } from '../../generated/puffle.types.js';
import type { EnrichmentDefinition } from '../../scenario/types.js';

type CreateEnrichmentRunRequest = components['schemas']['CreateEnrichmentRunRequest'];

const CATALOG_HINT = 'Read its subject in GET /api/enrichments and pick leads of that type.';

/** Leads the planner did not find, as error details naming their place in `scope.leadIds`. */
function unknownLeadDetails(
  request: CreateEnrichmentRunRequest,
  leadIds: string[],
): { path: string; message: string }[] {
  const sent = request.scope.type === 'explicit_leads' ? request.scope.leadIds : [];
  return leadIds.map((id) => ({
    path: `scope.leadIds.${sent.indexOf(id)}`,
    message: `lead ${id} not found for this API key`,
  }));
}

/**
 * The Puffle answer to a refusal of the simulator's planner: 400 with a planner code, 402 with
 * `{required, balance}`, or 422 `IDEMPOTENCY_KEY_REUSED` naming the run the key belongs to.
 */
export function planErrorResponse(
  context: RequestContext,
  error: PlanError,
  request: CreateEnrichmentRunRequest,
  definition: EnrichmentDefinition,
): VendorFailure {
  const idsHint = whereTenantIdsAre(context.tenant, context.context.scenario.name);
  switch (error.code) {
    case 'unknown_list':
      return context.fail(
        400,
        'EMPTY_LEAD_SCOPE',
        `scope.listId: no list "${error.listId}" exists for this API key, so the scope resolves to no leads. Use the id of one of your lists. ${idsHint}`,
      );
    case 'empty_scope':
      return context.fail(
        400,
        'EMPTY_LEAD_SCOPE',
        request.scope.type === 'explicit_leads'
          ? 'scope.leadIds: no leads to enrich; send at least one lead id.'
          : `scope.listId: no leads to enrich; list "${request.scope.listId}" is empty.`,
      );
    case 'unknown_leads': {
      const details = unknownLeadDetails(request, error.leadIds);
      const first = details[0];
      const more =
        details.length > 1 ? ` (and ${details.length - 1} more unknown leads, listed in details)` : '';
      return context.fail(
        400,
        'UNKNOWN_LEAD',
        `${first?.path ?? 'scope.leadIds'}: ${first?.message ?? 'lead not found'}${more}. ${idsHint}`,
        { details },
      );
    }
    case 'subject_mismatch':
      return context.fail(
        400,
        'SUBJECT_MISMATCH',
        `scope: enrichment "${definition.slug}" expects ${error.expected} leads, but the scope contains ${error.found} leads. ${CATALOG_HINT}`,
      );
    case 'insufficient_credits':
      return context.fail(
        402,
        'INSUFFICIENT_CREDITS',
        `Insufficient credits: this run costs ${error.required} credits but the workspace has ${error.balance}. Top up, or narrow the scope; nothing was created or charged.`,
        { required: error.required, balance: error.balance },
      );
    case 'idempotency_key_reused': {
      const runId = context.context.simulator.tenant(context.tenant).idempotency.get(error.key)?.runIds[0];
      return context.fail(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        `idempotencyKey: "${error.key}" was already used with a different request body. Send the original body to get that run back, or use a new key.`,
        runId === undefined ? {} : { enrichmentRunId: runId, runId },
      );
    }
  }
}
