import type { OperationHandler, QueryParams } from '../../adapter/vendor-definition.js';
import type { components, operations } from '../../generated/sendkit.types.js';
import { toLead, type SendkitLead } from './to-lead.js';
import { countWorkspaceLeads, workspaceLeads, type LeadRef } from './workspace-leads.js';

type ListLeadsResult = components['schemas']['ListLeadsResult'];

/** The query of `GET /v1/leads`, validated and coerced by the pipeline. */
type LeadQuery = QueryParams<operations['sendkitListLeads']>;

const DEFAULT_LIMIT = 25;

/** The filters of a query as one predicate, or null when there is none. */
function filterOf(query: LeadQuery): ((lead: SendkitLead) => boolean) | null {
  const checks: ((lead: SendkitLead) => boolean)[] = [];
  const { emailVerified, emailStatus, segProtected, phoneFound } = query;
  if (emailVerified !== undefined) checks.push((lead) => lead.emailVerified === emailVerified);
  if (emailStatus !== undefined) checks.push((lead) => lead.emailVerificationResult === emailStatus);
  if (segProtected !== undefined) checks.push((lead) => lead.segProtected === segProtected);
  if (phoneFound !== undefined) checks.push((lead) => (lead.phone !== null) === phoneFound);
  return checks.length === 0 ? null : (lead) => checks.every((check) => check(lead));
}

/**
 * `GET /v1/leads`: the workspace's person leads (optionally of one list) by id ascending, with their
 * enrichment results, one page at a time. `nextCursor` is the last id of the page. Without filters only
 * the page's leads are generated; with filters every lead is read once, to count the matches.
 * An unknown `listId` (or a company list's) matches no lead.
 */
export const listLeads: OperationHandler<operations['sendkitListLeads']> = (context) => {
  const { simulator } = context.context;
  const { tenant } = context;
  const { query } = context;
  const limit = query.limit ?? DEFAULT_LIMIT;
  const lists = simulator
    .tenant(tenant)
    .lists.filter(
      (list) => list.subject === 'person' && (query.listId === undefined || list.id === query.listId),
    );
  const view = (ref: LeadRef): SendkitLead[] => {
    const lead = simulator.leadAt(ref.list, ref.index);
    return lead ? [toLead(simulator, tenant, lead)] : [];
  };
  const filter = filterOf(query);
  let page: SendkitLead[] = [];
  let total = 0;
  if (filter) {
    for (const ref of workspaceLeads(lists)) {
      const matches = view(ref).filter(filter);
      total += matches.length;
      if ((query.cursor === undefined || ref.id > query.cursor) && page.length <= limit)
        page.push(...matches);
    }
  } else {
    for (const ref of workspaceLeads(lists, query.cursor)) {
      if (page.length > limit) break;
      page.push(...view(ref));
    }
    total = countWorkspaceLeads(lists);
  }
  const hasMore = page.length > limit;
  page = page.slice(0, limit);
  const data: ListLeadsResult = {
    leads: page,
    pagination: { limit, total, hasMore, nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null },
  };
  return { status: 200, body: { success: true, data } };
};
