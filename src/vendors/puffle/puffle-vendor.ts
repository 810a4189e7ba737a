import type { OperationHandlers, VendorBehaviour } from '../../adapter/vendor-definition.js';
import type { operations } from '../../generated/puffle.types.js';
import { isOwnedBy } from '../../core/run.js';
import { cancelRun } from './cancel-run.js';
import { PUFFLE } from './run-meta.js';
import { toRunLedger } from './to-run-ledger.js';
import { createRun } from './create-run.js';
import { getRun } from './get-run.js';
import { listEnrichments } from './list-enrichments.js';
import { listRunItems } from './list-run-items.js';
import { authenticatePuffle } from './puffle-auth.js';
import { PUFFLE_FAILURES, puffleCodeForStatus, toPuffleError } from './puffle-errors.js';

const OPERATIONS: OperationHandlers<operations> = {
  puffleCreateEnrichmentRun: createRun,
  puffleGetEnrichmentRun: getRun,
  puffleListEnrichmentRunItems: listRunItems,
  puffleCancelEnrichmentRun: cancelRun,
  puffleListEnrichments: listEnrichments,
};

/**
 * The Puffle adapter (`https://app.puffle.ai/api`): bearer auth, the `PuffleError` shape, and the five
 * operations of `openapi/puffle.yaml` (start, status ledger, items, cancel, catalog).
 *
 * @example
 * const puffle = createPuffleVendor(); // joined to its descriptor by createVendors()
 */
export function createPuffleVendor(): VendorBehaviour {
  return {
    authenticate: authenticatePuffle,
    errorBody: toPuffleError,
    failures: PUFFLE_FAILURES,
    codeForStatus: puffleCodeForStatus,
    operations: OPERATIONS,
    describeRun: (context, run) =>
      isOwnedBy(run, PUFFLE)
        ? { run: toRunLedger(run, context.simulator.state(run), context.scenario.seed) }
        : null,
  };
}
