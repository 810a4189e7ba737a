import type { RequestContext, VendorFailure } from '../../adapter/vendor-definition.js';
import { elsewhereHint } from '../../runtime/elsewhere-hint.js';
import { PUFFLE } from './run-meta.js';

/** 404 `not_found` for a run that does not exist for the effective user (unknown, expired or another user's). */
export function runNotFound(context: RequestContext, id: string): VendorFailure {
  const hint = elsewhereHint(
    context.context,
    (other) => other.simulator.getRun(context.tenant, id, PUFFLE) !== undefined,
  );
  return context.fail(
    404,
    'not_found',
    `Enrichment run ${id} not found for this API key. Use the enrichmentRunId returned by POST /api/enrichment with the same key; runs of other users, previews and expired runs are never found.${hint}`,
  );
}
