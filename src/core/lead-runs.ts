import type { Run } from './run.js';
import type { Tenant } from './tenant.js';

/** The key of the runs writing `attribute` that name the lead. */
const leadKey = (leadId: string, attribute: string): string => `${attribute}\u0000${leadId}`;

/** The keys of the distinct leads a run names one by one (none for a run over a whole list). */
const namedLeads = (run: Run): Set<string> =>
  new Set(run.scope.type === 'leads' ? run.scope.leadIds.map((id) => leadKey(id, run.outputAttribute)) : []);

/**
 * Records a new run under each lead it names and the attribute it writes, so the runs writing one
 * attribute of one lead are found without reading the tenant's other runs (see `runsNaming`).
 *
 * @example
 * indexNamedLeads(tenant, run);
 */
export function indexNamedLeads(owner: Tenant, run: Run): void {
  for (const id of namedLeads(run)) {
    const runs = owner.runsByLead.get(id);
    if (runs) runs.push(run);
    else owner.runsByLead.set(id, [run]);
  }
}

/** Forgets a run (expired and swept) from the leads it names. */
export function forgetNamedLeads(owner: Tenant, run: Run): void {
  for (const id of namedLeads(run)) {
    const kept = (owner.runsByLead.get(id) ?? []).filter((other) => other !== run);
    if (kept.length === 0) owner.runsByLead.delete(id);
    else owner.runsByLead.set(id, kept);
  }
}

/**
 * The runs writing `attribute` that name the lead one by one, oldest first (deleted and expired ones
 * included until swept: the reader judges what is live). O(those runs), whatever the tenant's history.
 *
 * @example
 * runsNaming(tenant, lead.id, 'phoneNumber').filter((run) => isLive(run, now));
 */
export function runsNaming(owner: Tenant, leadId: string, attribute: string): readonly Run[] {
  return owner.runsByLead.get(leadKey(leadId, attribute)) ?? [];
}
