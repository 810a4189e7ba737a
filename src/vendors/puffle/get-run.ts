import type { OperationHandler } from '../../adapter/vendor-definition.js';
import type { components, operations } from '../../generated/puffle.types.js';
import { PUFFLE } from './run-meta.js';
import { runNotFound } from './run-not-found.js';
import { toRunLedger } from './to-run-ledger.js';

type GetEnrichmentRunResponse = components['schemas']['GetEnrichmentRunResponse'];

/** `GET /api/enrichment/{id}`: the run's ledger as it stands on the simulator's clock. */
export const getRun: OperationHandler<operations['puffleGetEnrichmentRun']> = (context) => {
  const { id } = context.params;
  const { simulator, scenario } = context.context;
  const run = simulator.getRun(context.tenant, id, PUFFLE);
  if (!run) return runNotFound(context, id);
  const body: GetEnrichmentRunResponse = { run: toRunLedger(run, simulator.state(run), scenario.seed) };
  return { status: 200, body };
};
