import { mergeSorted } from '../../core/merge-sorted.js';
import { generatedIndexOf, generatedLeadId, type LeadList } from '../../core/lead-list.js';
import { compareText } from '../../core/compare-text.js';

/** A lead's place in its list, with its id (the lead itself is generated only when needed). */
export interface LeadRef {
  list: LeadList;
  index: number;
  id: string;
}

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

/** The list's leads with an id above `after`, by id ascending, without generating any lead. */
function* listLeads(list: LeadList, after: string): Generator<LeadRef> {
  const written = list.explicit
    .filter((lead) => OBJECT_ID.test(lead.id) && lead.id > after)
    .sort((a, b) => compareText(a.id, b.id));
  // Generated ids grow with the index: binary-search the first one above the cursor.
  let low = list.explicit.length;
  let high = list.size;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (generatedLeadId(list, middle) > after) high = middle;
    else low = middle + 1;
  }
  let next = 0;
  for (let index = low; index < list.size; index++) {
    const id = generatedLeadId(list, index);
    for (let lead = written[next]; lead && lead.id < id; lead = written[++next])
      yield { list, index: lead.index, id: lead.id };
    yield { list, index, id };
  }
  for (let lead = written[next]; lead; lead = written[++next]) yield { list, index: lead.index, id: lead.id };
}

/**
 * The leads of `lists` whose id is above `after`, merged by id ascending (an id found in two lists is
 * given once). Only ObjectId-shaped ids are Sendkit leads: a written-out lead with another id is skipped.
 * Lazy, so a page of a million-lead list costs a binary search and a page of ids.
 *
 * @example
 * for (const ref of workspaceLeads(personLists, '')) console.log(ref.id);
 */
export function* workspaceLeads(lists: readonly LeadList[], after = ''): Generator<LeadRef> {
  let last: string | undefined;
  for (const ref of mergeSorted(
    lists.map((list) => listLeads(list, after)),
    (a, b) => compareText(a.id, b.id),
  )) {
    if (ref.id !== last) yield ref;
    last = ref.id;
  }
}

/**
 * How many leads `workspaceLeads(lists)` gives, without walking them: every generated id (ids carry their
 * list's tag, so no two lists share one) plus each distinct ObjectId-shaped written-out id that is not
 * also a generated id of one of the lists. O(written-out leads), whatever the lists' sizes.
 */
export function countWorkspaceLeads(lists: readonly LeadList[]): number {
  const written = new Set(
    lists.flatMap((list) => list.explicit.map((lead) => lead.id).filter((id) => OBJECT_ID.test(id))),
  );
  let count = 0;
  for (const list of lists) count += Math.max(0, list.size - list.explicit.length);
  for (const id of written) if (!lists.some((list) => generatedIndexOf(list, id) >= 0)) count += 1;
  return count;
}
