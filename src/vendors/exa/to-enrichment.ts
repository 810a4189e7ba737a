import type { FakeData } from '../../core/fake-data.js';
import type { Lead } from '../../core/lead-list.js';
import { generateResult, resultSeed } from '../../core/results.js';
import { itemStateAt, runStateAt, statusAt, type ItemState } from '../../core/run-state.js';
import type { Run, RunStatus } from '../../core/run.js';
import type { components } from '../../generated/exa-websets.types.js';
import { instructionsOf, titleOf, toEnrichmentDefinition } from './enrichment-settings.js';
import { versionAt } from './versions.js';
import type { EnrichmentRecord } from './webset-store.js';
import { toIso } from '../../core/clock.js';

export type WebsetEnrichment = components['schemas']['WebsetEnrichment'];
export type EnrichmentResult = components['schemas']['EnrichmentResult'];
type Reference = EnrichmentResult['references'][number];

/** Exa's word for a core run status: work in flight is `pending`, a failed run still `completed`. */
export function toEnrichmentStatus(status: RunStatus): WebsetEnrichment['status'] {
  if (status === 'cancelled') return 'canceled';
  return status === 'completed' || status === 'failed' ? 'completed' : 'pending';
}

/** The core status of an Enrichment at `t`; one without a run (a Webset with no Items) is done at once. */
export function runStatusAt(enrichment: EnrichmentRecord, t: number): RunStatus {
  return enrichment.run ? statusAt(enrichment.run, t) : 'completed';
}

/** The Enrichment as the API shows it at `t`. */
export function toEnrichment(enrichment: EnrichmentRecord, t: number): WebsetEnrichment {
  const version = versionAt(enrichment, t);
  // One run state for both fields; without a run the Enrichment is done at its creation (see `runStatusAt`).
  const state = enrichment.run ? runStateAt(enrichment.run, t) : undefined;
  // Exa cancels the results in flight too (see `settledAt`): nothing changes after a cancel.
  const runUpdate = state?.cancelledAt ?? state?.updatedAt ?? enrichment.createdAt;
  return {
    id: enrichment.id,
    object: 'webset_enrichment',
    status: toEnrichmentStatus(state?.status ?? 'completed'),
    websetId: enrichment.websetId,
    title: titleOf(version.description),
    description: version.description,
    format: version.format,
    options: version.options,
    instructions: instructionsOf(version),
    metadata: version.metadata,
    createdAt: toIso(enrichment.createdAt),
    updatedAt: toIso(Math.max(version.from, runUpdate)),
  };
}

/**
 * The instant the Item's result was settled by `t` (completed, failed, or canceled), or null while it is
 * pending. Exa cancels every result not produced yet, so an Item still in flight at the cancel is canceled
 * then, even though the core lets it finish.
 */
export function settledAt(run: Run, index: number, t: number): { state: ItemState; at: number | null } {
  const state = itemStateAt(run, index, t);
  const cancelledAt = run.cancelledAt !== null && run.cancelledAt <= t ? run.cancelledAt : null;
  const finished = state.status === 'completed' || state.status === 'failed' ? state.completedAt : null;
  if (cancelledAt !== null && (finished === null || finished > cancelledAt)) {
    return { state: { ...state, status: 'skipped', skippedReason: 'run_cancelled' }, at: cancelledAt };
  }
  return { state, at: state.status === 'skipped' ? state.updatedAt : finished };
}

/** The result of `enrichment` for one Item at `t`, and when it last changed (null while pending). */
export function toEnrichmentResult(
  enrichment: EnrichmentRecord & { run: Run },
  lead: Lead,
  reference: Reference,
  t: number,
  fake: FakeData,
): { result: EnrichmentResult; changedAt: number | null } {
  const { state, at } = settledAt(enrichment.run, lead.index, t);
  const version = versionAt(enrichment, at ?? t);
  const base = { object: 'enrichment_result' as const, format: version.format, enrichmentId: enrichment.id };
  switch (state.status) {
    case 'pending':
    case 'running':
      return {
        result: { ...base, status: 'pending', result: null, reasoning: null, references: [] },
        changedAt: null,
      };
    case 'skipped':
      return {
        result: { ...base, status: 'canceled', result: null, reasoning: null, references: [] },
        changedAt: at,
      };
    case 'failed':
      return {
        result: {
          ...base,
          status: 'completed',
          result: null,
          reasoning: `No answer found: ${state.error ?? 'the research failed'}.`,
          references: [],
        },
        changedAt: at,
      };
    case 'completed': {
      const value = generateResult(
        toEnrichmentDefinition(version, lead.subject),
        lead,
        resultSeed(enrichment.run, lead.index),
        fake,
      );
      const answer = typeof value === 'object' ? JSON.stringify(value) : String(value);
      return {
        result: {
          ...base,
          status: 'completed',
          result: [answer],
          reasoning: `Found on ${reference.url}.`,
          references: [reference],
        },
        changedAt: at,
      };
    }
  }
}
