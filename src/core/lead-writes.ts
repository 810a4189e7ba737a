import { generatedIndexOf, generatedLeadId, parseGeneratedLeadId, type LeadList } from './lead-list.js';
import type { Run, RunScope } from './run.js';
import { createRunHorizonIndex } from './run-horizon-index.js';
import { completedAtOf } from './run-state.js';
import {
  isPreEnriched,
  listOfGeneratedId,
  preEnrichedShare,
  preEnrichedTest,
  type Tenant,
} from './tenant.js';

/**
 * What runs wrote to leads. Nothing is stored: a lead's attribute holds a value at `t` when a run over
 * it, to that attribute, has completed its item by `t`. Deleted runs take their writes with them; expired
 * runs keep them (the sweep moves them to the tenant's retired runs), as results stay on the leads.
 */

/**
 * Whether a lead's written-out attributes hold a value for `attribute` (null, absent and inherited do not).
 *
 * @example
 * holdsValue({ workEmail: null }, 'workEmail'); // false
 */
export function holdsValue(attributes: Record<string, unknown>, attribute: string): boolean {
  return (
    Object.hasOwn(attributes, attribute) &&
    attributes[attribute] !== undefined &&
    attributes[attribute] !== null
  );
}

/**
 * The lead id of item `index` of a scope, without generating the lead.
 *
 * @example
 * leadIdAt(run.scope, 3); // '67559a80c0ffee1234000003'
 */
function leadIdAt(scope: RunScope, index: number): string | undefined {
  if (scope.type === 'leads') return scope.leadIds[index];
  const { list } = scope;
  if (index < 0 || index >= list.size) return undefined;
  return list.explicit[index]?.id ?? generatedLeadId(list, index);
}

/**
 * Index of a lead in a list, without generating any lead: -1 when it is not one of the list's.
 *
 * @example
 * indexInList(list, generatedLeadId(list, 7)); // 7
 */
function indexInList(list: LeadList, leadId: string): number {
  const generated = generatedIndexOf(list, leadId);
  return generated >= 0 ? generated : list.explicit.findIndex((lead) => lead.id === leadId);
}

/**
 * The index of a lead's item in a run, or -1.
 *
 * @example
 * const index = itemIndexOf(run, leadId);
 * if (index >= 0) itemStateAt(run, index, t);
 */
export function itemIndexOf(run: Run, leadId: string): number {
  if (run.scope.type === 'list') return indexInList(run.scope.list, leadId);
  run.leadIndex ??= new Map(run.scope.leadIds.map((id, index) => [id, index]));
  return run.leadIndex.get(leadId) ?? -1;
}

/** Whether `run`'s completed items count as writes of `attribute` at `t`. */
const writes = (run: Run, attribute: string, t: number): boolean =>
  run.outputAttribute === attribute &&
  run.dispatchError === null &&
  run.createdAt <= t &&
  run.deletedAt === null;

/** Runs whose completed items count as writes of `attribute` at `t`. */
function* writers(owner: Tenant, attribute: string, t: number): Generator<Run> {
  for (const run of owner.retired) if (writes(run, attribute, t)) yield run;
  for (const run of owner.runs.values()) if (writes(run, attribute, t)) yield run;
}

/** The key of the write index of an attribute over one list (`list:`) or one named lead (`lead:`). */
const writesKey = (attribute: string, covered: string): string => `${attribute}\u0000${covered}`;

/** The keys under which a run is indexed: its list, or each lead it names. */
const keysOf = (run: Run): string[] =>
  run.scope.type === 'list'
    ? [writesKey(run.outputAttribute, `list:${run.scope.list.id}`)]
    : [...new Set(run.scope.leadIds)].map((id) => writesKey(run.outputAttribute, `lead:${id}`));

/**
 * Records a new run in its tenant's write index, by attribute and by the list or leads it covers, so a
 * lead's latest write is found among the runs over it, latest end first. A dispatch-failed run is
 * recorded too (it writes nothing, but its failed items name their leads: see `runsNaming`).
 */
export function indexWrites(owner: Tenant, run: Run): void {
  for (const key of keysOf(run)) {
    let index = owner.writes.get(key);
    if (!index) owner.writes.set(key, (index = createRunHorizonIndex()));
    index.add(run);
  }
}

/**
 * Forgets runs from the tenant's write index (no longer writing: gone for good), reading only the indexes
 * they are in, and drops an index left empty: O(those indexes), whatever the tenant's history.
 */
export function forgetWrites(owner: Tenant, dropped: ReadonlySet<Run>): void {
  const keys = new Set([...dropped].flatMap(keysOf));
  for (const key of keys) {
    const index = owner.writes.get(key);
    index?.remove((run) => dropped.has(run));
    if (index?.size === 0) owner.writes.delete(key);
  }
}

/**
 * The runs writing `attribute` that name the lead one by one, oldest first: deleted, expired and
 * dispatch-failed ones included (the reader judges what is live), from the lead's write index. O(those
 * runs), whatever the tenant's history.
 *
 * @example
 * runsNaming(tenant, lead.id, 'phoneNumber').filter((run) => isLive(run, now));
 */
export function runsNaming(owner: Tenant, leadId: string, attribute: string): Run[] {
  const index = owner.writes.get(writesKey(attribute, `lead:${leadId}`));
  return [...(index?.latestFirst() ?? [])].map(([run]) => run).sort((a, b) => a.sequence - b.sequence);
}

/** The write indexes that can hold a run over the lead: the lead's own, and each list that has it. */
function indexesOver(owner: Tenant, leadId: string, attribute: string) {
  const generatedIn = listOfGeneratedId(owner, leadId);
  const lists = new Set([...(generatedIn ? [generatedIn] : []), ...(owner.explicitLists.get(leadId) ?? [])]);
  const keys = [`lead:${leadId}`, ...[...lists].map((list) => `list:${list.id}`)];
  return keys.flatMap((key) => owner.writes.get(writesKey(attribute, key)) ?? []);
}

/**
 * Where a run stands in the tenant's runs, retired first: the older order breaks ties between writes. The
 * runs not retired are held in creation order, which their `sequence` follows: no scan of them.
 */
function rankOf(owner: Tenant, run: Run): number {
  const retired = owner.retired.indexOf(run);
  return retired >= 0 ? retired : owner.retired.length + run.sequence;
}

/**
 * The latest write of `attribute` to a lead by `t`: which run, which item, when. Reads the runs over the
 * lead, latest end first, and stops once no run left can end later than the write found: O(runs in
 * flight over the lead + a few), whatever the history. Writes at the same instant go to the run first
 * in the tenant's runs (retired ones first).
 *
 * @example
 * latestWrite(tenant, lead.id, 'workEmail', clock.now())?.run.id;
 */
export function latestWrite(
  owner: Tenant,
  leadId: string,
  attribute: string,
  t: number,
): { run: Run; index: number; at: number } | null {
  let latest: { run: Run; index: number; at: number } | null = null;
  for (const index of indexesOver(owner, leadId, attribute)) {
    for (const [run, horizon] of index.latestFirst()) {
      if (latest !== null && horizon < latest.at) break;
      if (!writes(run, attribute, t)) continue;
      const item = itemIndexOf(run, leadId);
      const at = item < 0 ? null : completedAtOf(run, item, t);
      if (at === null || (latest !== null && at < latest.at)) continue;
      if (latest === null || at > latest.at || rankOf(owner, run) < rankOf(owner, latest.run))
        latest = { run, index: item, at };
    }
  }
  return latest;
}

/**
 * Which items of a scope already hold `attribute` at `t` (for `skip_existing`): a written-out value, the
 * scenario's pre-enrichment of generated leads, or a completed write. One byte per item, or null when
 * none does. O(size × writers), never generating a lead.
 *
 * @example
 * const flags = existingValues(tenant, plan.scope, plan.size, 'workEmail', clock.now());
 * const isSkipped = flags ? (i: number): boolean => flags[i] === 1 : undefined;
 */
export function existingValues(
  owner: Tenant,
  scope: RunScope,
  size: number,
  attribute: string,
  t: number,
): Uint8Array | null {
  const flags = new Uint8Array(size);
  let found = 0;
  const mark = (index: number): void => {
    if (flags[index] === 0) found++;
    flags[index] = 1;
  };
  if (scope.type === 'list') {
    const { list } = scope;
    list.explicit.forEach((lead, index) => {
      if (index < size && holdsValue(lead.attributes, attribute)) mark(index);
    });
    const preEnriched = preEnrichedTest(owner, list, attribute);
    if (preEnriched) for (let i = list.explicit.length; i < size; i++) if (preEnriched(i)) mark(i);
  } else {
    const share = preEnrichedShare(owner, attribute);
    scope.leadIds.forEach((leadId, index) => {
      const written = owner.leadsById.get(leadId);
      if (written) {
        if (holdsValue(written.attributes, attribute)) mark(index);
        return;
      }
      const parsed = share > 0 ? parseGeneratedLeadId(leadId) : null;
      const list = parsed ? owner.listsByTag.get(parsed.tag) : undefined;
      if (parsed && list && isPreEnriched(owner, list, parsed.index, attribute)) mark(index);
    });
  }
  for (const run of writers(owner, attribute, t)) {
    const sameList = scope.type === 'list' && run.scope.type === 'list' && run.scope.list === scope.list;
    for (let i = 0; i < size; i++) {
      if (flags[i] === 1) continue;
      const leadId = sameList ? undefined : leadIdAt(scope, i);
      const index = sameList ? (i < run.size ? i : -1) : leadId === undefined ? -1 : itemIndexOf(run, leadId);
      if (index >= 0 && completedAtOf(run, index, t) !== null) mark(i);
    }
  }
  return found > 0 ? flags : null;
}
