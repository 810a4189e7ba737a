import type { OperationHandler } from '../../adapter/vendor-definition.js';
import type { Run } from '../../core/run.js';
import { itemId } from '../../core/simulator.js';
import type { components, operations } from '../../generated/puffle.types.js';
import { PUFFLE } from './run-meta.js';
import { runNotFound } from './run-not-found.js';
import { toRunItem } from './to-run-item.js';

type ListEnrichmentRunItemsResponse = components['schemas']['ListEnrichmentRunItemsResponse'];

/**
 * The index the page after `cursor` starts behind: the last item whose id sorts at or before the cursor
 * (-1 when none does). A cursor that is no item id is fine: the page starts at the next id after it.
 */
function afterIndexOf(run: Run, cursor: string): number {
  let low = 0;
  let high = run.size;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (itemId(run, middle) <= cursor) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * `GET /api/enrichment/{id}/items`: the run's items in id order, filtered by `status` and `leadId`, one page
 * of `limit` (default 50, at most 100) after `cursor`. `page.nextCursor` is the last item's id when more follow.
 */
export const listRunItems: OperationHandler<operations['puffleListEnrichmentRunItems']> = (context) => {
  const { id } = context.params;
  const { simulator, scenario } = context.context;
  const run = simulator.getRun(context.tenant, id, PUFFLE);
  if (!run) return runNotFound(context, id);
  const { status, leadId, cursor, limit } = context.query;
  const pageLimit = limit ?? 50;
  const page = simulator.items(run, {
    limit: pageLimit,
    ...(status === undefined ? {} : { status }),
    ...(leadId === undefined ? {} : { leadId }),
    ...(cursor === undefined ? {} : { afterIndex: afterIndexOf(run, cursor) }),
  });
  const items = page.items.map((item) => toRunItem(run, item, scenario.seed));
  const body: ListEnrichmentRunItemsResponse = {
    items,
    page: {
      limit: pageLimit,
      nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null,
      hasMore: page.hasMore,
    },
  };
  return { status: 200, body };
};
