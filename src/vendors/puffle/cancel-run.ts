import type { OperationHandler } from '../../adapter/vendor-definition.js';
import type { components, operations } from '../../generated/puffle.types.js';
import { PUFFLE } from './run-meta.js';
import { runNotFound } from './run-not-found.js';
import { toIso } from '../../core/clock.js';

type CancelEnrichmentRunResponse = components['schemas']['CancelEnrichmentRunResponse'];

/**
 * `POST /api/enrichment/{id}/cancel`: stops a pending or running run. Pending items become skipped
 * (`run_cancelled`), running items finish on their own, credits stay charged. A terminal run is 409
 * `run_not_cancellable`; a cancel that meets the run's completion is 409 `run_status_changed`.
 */
export const cancelRun: OperationHandler<operations['puffleCancelEnrichmentRun']> = (context) => {
  const { id } = context.params;
  const result = context.context.simulator.cancelRun(context.tenant, id, PUFFLE);
  if (result.ok) {
    const body: CancelEnrichmentRunResponse = {
      run: {
        id: result.run.id,
        status: 'cancelled',
        cancelledAt: toIso(result.state.cancelledAt ?? context.context.simulator.now()),
      },
    };
    return { status: 200, body };
  }
  if (result.code === 'not_found') return runNotFound(context, id);
  if (result.code === 'status_changed') {
    return context.fail(
      409,
      'CANCEL_CONFLICT',
      `Enrichment run ${id} changed status while it was being cancelled (it is now ${result.status}); fetch it again with GET /api/enrichment/${id}.`,
      { reason: 'run_status_changed' },
    );
  }
  return context.fail(
    409,
    'CANCEL_CONFLICT',
    `Enrichment run ${id} is ${result.status} and cannot be cancelled; only pending and running runs can. A repeated cancel gets this answer too: treat it as done.`,
    { reason: 'run_not_cancellable' },
  );
};
