import type { Subject } from '../scenario/types.js';
import { generatedIndexOf } from './lead-list.js';
import type { RunRequest, RunScope } from './run.js';
import { listOfGeneratedId, type Tenant } from './tenant.js';

/** Why the simulator refused to start runs. */
export type PlanError =
  | { code: 'unknown_list'; listId: string }
  | { code: 'unknown_leads'; leadIds: string[] }
  | { code: 'empty_scope' }
  | { code: 'subject_mismatch'; expected: Subject; found: Subject }
  | { code: 'insufficient_credits'; required: number; balance: number }
  | { code: 'idempotency_key_reused'; key: string };

export interface Plan {
  scope: RunScope;
  size: number;
  cost: number;
}

/** The subject of a lead id in this tenant's world, without generating the lead. */
function subjectOfLead(tenant: Tenant, id: string): Subject | undefined {
  const written = tenant.leadsById.get(id);
  if (written) return written.subject;
  const list = listOfGeneratedId(tenant, id);
  return list && generatedIndexOf(list, id) >= 0 ? list.subject : undefined;
}

/** Resolves a request's scope and cost: the checks a real planner makes before dispatch. */
export function planRun(
  tenant: Tenant,
  request: RunRequest<unknown>,
): { ok: true; plan: Plan } | { ok: false; error: PlanError } {
  const expected = request.enrichment.subject;
  if (request.scope.type === 'list') {
    const list = tenant.listsById.get(request.scope.listId);
    if (!list) return { ok: false, error: { code: 'unknown_list', listId: request.scope.listId } };
    if (list.size === 0) return { ok: false, error: { code: 'empty_scope' } };
    if (list.subject !== expected)
      return { ok: false, error: { code: 'subject_mismatch', expected, found: list.subject } };
    return {
      ok: true,
      plan: {
        scope: { type: 'list', list },
        size: list.size,
        cost: list.size * request.enrichment.creditCost,
      },
    };
  }
  const { listId = null } = request.scope;
  if (listId !== null && !tenant.listsById.has(listId))
    return { ok: false, error: { code: 'unknown_list', listId } };
  const leadIds = [...new Set(request.scope.leadIds)];
  if (leadIds.length === 0) return { ok: false, error: { code: 'empty_scope' } };
  const unknown: string[] = [];
  let mismatch: Subject | undefined;
  for (const id of leadIds) {
    const subject = subjectOfLead(tenant, id);
    if (subject === undefined) unknown.push(id);
    else if (subject !== expected) mismatch ??= subject;
  }
  if (unknown.length > 0) return { ok: false, error: { code: 'unknown_leads', leadIds: unknown } };
  if (mismatch !== undefined)
    return { ok: false, error: { code: 'subject_mismatch', expected, found: mismatch } };
  return {
    ok: true,
    plan: {
      scope: { type: 'leads', leadIds, listId },
      size: leadIds.length,
      cost: leadIds.length * request.enrichment.creditCost,
    },
  };
}
