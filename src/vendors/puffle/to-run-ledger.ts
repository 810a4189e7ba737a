import type { RunState } from '../../core/run-state.js';
import type { components } from '../../generated/puffle.types.js';
import { correlationId, outputTarget, scopeListId, triggerRunId, type PuffleRun } from './run-meta.js';
import { creditAction, enrichmentUuid, toCatalogEntry } from './to-catalog-entry.js';
import { toIso } from '../../core/clock.js';

type RunLedger = components['schemas']['Run'];

/**
 * A run and its state in Puffle's ledger shape (`GET /api/enrichment/{id}`). `cost.preview` is the estimate
 * made before dispatch; `cost.actual` is what was charged, null when the dispatch failed.
 *
 * @example
 * toRunLedger(run, simulator.state(run), scenario.seed).scope.counts; // { pending: 25, running: 0, ... }
 */
export function toRunLedger(run: PuffleRun, state: RunState, seed: number): RunLedger {
  const { requested } = run.meta;
  const action = creditAction(run.enrichment);
  const dispatched = run.dispatchError === null;
  return {
    id: run.id,
    status: state.status,
    mode: 'persisted',
    enrichment: {
      id: enrichmentUuid(seed, run.enrichment),
      slug: run.enrichment.slug,
      version: run.enrichment.version,
      snapshot: { ...toCatalogEntry(seed, run.enrichment) },
    },
    scope: {
      type: requested.type,
      listId: scopeListId(requested),
      requested: { ...requested },
      resolvedCount: run.size,
      counts: state.counts,
    },
    output: {
      target: outputTarget(requested),
      attributeKey: run.outputAttribute,
      writePolicy: run.writePolicy,
      persistResults: true,
    },
    cost: {
      preview: { credits: run.size * run.enrichment.creditCost, creditAction: action },
      actual: dispatched ? { credits: run.creditsCharged, creditAction: action } : null,
    },
    trigger: {
      correlationId: correlationId(run),
      triggerRunId: triggerRunId(run),
      dispatchMetadata: dispatched ? { taskIdentifier: 'enrichment-run', queue: 'enrichment-default' } : null,
    },
    error: state.error === null ? null : { message: state.error, details: null },
    timing: {
      startedAt: toIso(state.startedAt),
      completedAt: toIso(state.completedAt),
      cancelledAt: toIso(state.cancelledAt),
      createdAt: toIso(run.createdAt),
      updatedAt: toIso(state.updatedAt),
    },
  };
}
