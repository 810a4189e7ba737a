import { isOwnedBy, type Run } from '../../core/run.js';
import type { ScenarioContext } from '../../runtime/mock-runtime.js';
import { PUFFLE } from '../../vendors/puffle/run-meta.js';
import { toRunLedger } from '../../vendors/puffle/to-run-ledger.js';
import { toJob } from '../../vendors/sendkit/to-job.js';

/**
 * The body the vendor's own read of the run answers now (Puffle `GET /api/enrichment/{id}`, Sendkit
 * `GET /v1/enrichment/jobs/{jobId}`), built by the same converters, without a request: nothing is
 * journalled, no fault or rate limit applies. Null for an Exa Enrichment, whose record (settings
 * versions, Webset) lives in the Exa adapter's own store.
 *
 * @example
 * runLedger(context, run); // { run: { id, status: 'running', scope: { counts }, ... } } for Puffle
 */
export function runLedger(context: ScenarioContext, run: Run): Record<string, unknown> | null {
  const state = context.simulator.state(run);
  if (isOwnedBy(run, PUFFLE)) return { run: toRunLedger(run, state, context.scenario.seed) };
  if (run.vendor === 'sendkit') return { success: true, data: toJob(run, state) };
  return null;
}
