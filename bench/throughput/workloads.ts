/**
 * The two workloads, as autocannon request sequences. Every tool gets exactly the same requests: the run
 * ids, API keys and create bodies come from one shared plan, and the static tools simply ignore them.
 */
import type { RequestContext, RequestSpec } from 'autocannon';

export const WORKLOADS = ['polling', 'mixed'] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

/** What the workloads need to know; built once from enrichment-mock's world (see prepare.ts). */
export interface WorkloadPlan {
  /** API key of the polling workload's tenant. */
  pollKey: string;
  /** API key of the mixed workload's tenant (a separate tenant, so its runs never touch the polled ones). */
  mixedKey: string;
  /** Ids of runs that are `running` in enrichment-mock; polled round-robin. */
  pollRunIds: string[];
  /** Enrichment and person list that a mixed-workload create runs on. */
  create: { enrichmentId: string; listId: string };
}

/** Shape of the mixed cycle: 1 create, 10 polls, 3 item pages, 1 cancel (15 requests). */
export const MIXED_CYCLE = { create: 1, poll: 10, items: 3, cancel: 1 } as const;

/** Items per page in the mixed workload: the spec example Prism serves has 3 items, so we ask for 3. */
export const ITEMS_PAGE_SIZE = 3;

/** The body of every create the bench sends: a persisted run of the plan's enrichment over its list. */
export const createBody = (create: WorkloadPlan['create'], idempotencyKey: string) => ({
  enrichmentId: create.enrichmentId,
  mode: 'persisted',
  scope: { type: 'list', listId: create.listId },
  input: {},
  idempotencyKey,
});

/** Fallback id when a create failed: the following requests then fail visibly (404 or similar). */
const NO_RUN = 'bench-create-failed';

function headers(key: string, json = false): Record<string, string> {
  return json
    ? { authorization: `Bearer ${key}`, accept: 'application/json', 'content-type': 'application/json' }
    : { authorization: `Bearer ${key}`, accept: 'application/json' };
}

/** Polling: GET /api/enrichment/{id} for running runs, ids taken round-robin. All requests prebuilt. */
export function pollingRequests(plan: WorkloadPlan): RequestSpec[] {
  return plan.pollRunIds.map((id) => ({
    method: 'GET',
    path: `/api/enrichment/${encodeURIComponent(id)}`,
    headers: headers(plan.pollKey),
  }));
}

let keySequence = 0;
const keyPrefix = `bench-${process.pid}-${performance.timeOrigin.toString(36).replace('.', '')}`;

/**
 * Mixed: each connection loops over the life of one run -- create it (fresh idempotency key, so it is a
 * new run), poll its status 10 times, read 3 pages of its items following `page.nextCursor`, cancel it.
 */
export function mixedRequests(plan: WorkloadPlan): RequestSpec[] {
  const runPath = (context: RequestContext): string =>
    `/api/enrichment/${encodeURIComponent(typeof context.runId === 'string' ? context.runId : NO_RUN)}`;
  const create: RequestSpec = {
    method: 'POST',
    path: '/api/enrichment',
    headers: headers(plan.mixedKey, true),
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify(createBody(plan.create, `${keyPrefix}-${++keySequence}`)),
    }),
    onResponse: (status, body, context) => {
      context.runId =
        status === 200 ? (JSON.parse(body) as { enrichmentRunId?: unknown }).enrichmentRunId : NO_RUN;
      context.cursor = undefined;
    },
  };
  const poll: RequestSpec = {
    method: 'GET',
    headers: headers(plan.mixedKey),
    setupRequest: (request, context) => ({ ...request, path: runPath(context) }),
  };
  const items: RequestSpec = {
    method: 'GET',
    headers: headers(plan.mixedKey),
    setupRequest: (request, context) => {
      const cursor =
        typeof context.cursor === 'string' ? `&cursor=${encodeURIComponent(context.cursor)}` : '';
      return { ...request, path: `${runPath(context)}/items?limit=${ITEMS_PAGE_SIZE}${cursor}` };
    },
    onResponse: (status, body, context) => {
      context.cursor =
        status === 200
          ? ((JSON.parse(body) as { page?: { nextCursor?: unknown } }).page?.nextCursor ?? undefined)
          : undefined;
    },
  };
  const cancel: RequestSpec = {
    method: 'POST',
    headers: headers(plan.mixedKey),
    setupRequest: (request, context) => ({ ...request, path: `${runPath(context)}/cancel` }),
  };
  return [
    create,
    ...Array.from({ length: MIXED_CYCLE.poll }, () => poll),
    ...Array.from({ length: MIXED_CYCLE.items }, () => items),
    cancel,
  ];
}

export function requestsFor(workload: WorkloadName, plan: WorkloadPlan): RequestSpec[] {
  return workload === 'polling' ? pollingRequests(plan) : mixedRequests(plan);
}
