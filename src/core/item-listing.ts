import type { FakeData } from './fake-data.js';
import { nextCandidate } from './item-scan.js';
import type { Lead } from './lead-list.js';
import { itemIndexOf } from './lead-writes.js';
import { generateResult, resultSeed, type ResultValue } from './results.js';
import type { ItemStatus, Run } from './run.js';
import { itemStateAt, type ItemState } from './run-state.js';

/** The id of a run's item: the run id and the zero-padded index, so ids sort in index order. */
export function itemId(run: Pick<Run, 'id'>, index: number): string {
  return `${run.id}_${String(index).padStart(8, '0')}`;
}

/** An item with its lead and, once completed, its result. */
export interface ItemView extends ItemState {
  id: string;
  lead: Lead;
  result: ResultValue | null;
}

/** Which items to list. */
export interface ItemQuery {
  status?: ItemStatus;
  leadId?: string;
  /** Items after this index (exclusive). */
  afterIndex?: number;
  limit: number;
}

/**
 * A page of a run's items at `t`, in index order after `afterIndex`, filtered by status or lead; leads
 * and results are generated for the returned items only, so any page costs O(page + partial waves).
 *
 * @example
 * const page = listItems(run, { status: 'failed', limit: 50 }, clock.now(), leadOf, fake);
 */
export function listItems(
  run: Run,
  query: ItemQuery,
  t: number,
  leadOf: (index: number) => Lead,
  fake: FakeData,
): { items: ItemView[]; hasMore: boolean } {
  const view = (index: number, state: ItemState): ItemView => {
    const lead = leadOf(index);
    const result =
      state.status === 'completed'
        ? generateResult(run.enrichment, lead, resultSeed(run, index), fake)
        : null;
    return { ...state, id: itemId(run, index), lead, result };
  };
  const after = query.afterIndex ?? -1;
  const from = Number.isNaN(after) ? 0 : Math.max(0, Math.floor(after) + 1);
  const limit = Number.isNaN(query.limit) ? 0 : Math.max(0, Math.floor(query.limit));
  const { status } = query;
  if (query.leadId !== undefined) {
    const index = itemIndexOf(run, query.leadId);
    if (index < from || limit === 0) return { items: [], hasMore: false };
    const state = itemStateAt(run, index, t);
    return {
      items: status === undefined || state.status === status ? [view(index, state)] : [],
      hasMore: false,
    };
  }
  const items: ItemView[] = [];
  // Jumps over the indices that cannot hold the status: any page costs O(page + partial waves).
  for (
    let index = nextCandidate(run, status, t, from);
    index < run.size;
    index = nextCandidate(run, status, t, index + 1)
  ) {
    const state = itemStateAt(run, index, t);
    if (status !== undefined && state.status !== status) continue;
    if (items.length >= limit) return { items, hasMore: true };
    items.push(view(index, state));
  }
  return { items, hasMore: false };
}
