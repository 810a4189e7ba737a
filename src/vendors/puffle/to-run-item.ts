import { derive, toToken, toUuid } from '../../core/random.js';
import type { ItemView } from '../../core/simulator.js';
import type { components } from '../../generated/puffle.types.js';
import { scopeListId, type PuffleRun } from './run-meta.js';
import { PUFFLE_PROVIDER } from './to-catalog-entry.js';
import { toIso } from '../../core/clock.js';

type RunItem = components['schemas']['EnrichmentRunItem'];

/** The id of a lead's membership in a list: a UUID drawn from the seed, the list and the lead. */
function membershipId(seed: number, listId: string, leadId: string): string {
  return toUuid(derive(seed, 'puffle-membership', listId, leadId));
}

/**
 * One item of a run in Puffle's words (`GET /api/enrichment/{id}/items`). Item ids are the core's
 * `<runId>_<8-digit index>`, so they sort in index order and double as cursors.
 *
 * @example
 * toRunItem(run, view, scenario.seed).skippedReason; // 'run_cancelled'
 */
export function toRunItem(run: PuffleRun, item: ItemView, seed: number): RunItem {
  const listId = run.scope.type === 'list' ? run.scope.list.id : scopeListId(run.meta.requested);
  const tried = item.attempts > 0;
  return {
    id: item.id,
    runId: run.id,
    leadId: item.lead.id,
    listId,
    membershipId: listId === null ? null : membershipId(seed, listId, item.lead.id),
    status: item.status,
    result: item.result,
    skippedReason: item.skippedReason,
    error: item.error === null ? null : { message: item.error, details: { attempts: item.attempts } },
    attempts: item.attempts,
    metadata: {
      inputSnapshot: { ...run.input },
      leadSnapshot: { ...item.lead.attributes },
      result: item.result === null ? null : { value: item.result, source: PUFFLE_PROVIDER },
      provider: tried ? PUFFLE_PROVIDER : null,
      providerSubmissionId: tried
        ? `sub_${toToken(derive(run.key, 'puffle-submission', item.index), 12)}`
        : null,
    },
    timing: {
      startedAt: toIso(item.startedAt),
      completedAt: toIso(item.completedAt),
      createdAt: toIso(run.createdAt),
      updatedAt: toIso(item.updatedAt),
    },
  };
}
