/**
 * Puts enrichment-mock in the state the workloads assume, through its public surfaces only (the Puffle
 * API and the /__admin control API): two tenants with plenty of credits, and `count` runs that are
 * `running` on the frozen virtual clock. Also the per-tool smoke check run before any load.
 */
import { createBody, ITEMS_PAGE_SIZE, MIXED_CYCLE, type WorkloadPlan } from './workloads.js';

const POLL_KEY = 'pk_live_bench_polling';
const MIXED_KEY = 'pk_live_bench_mixed';
/** Enough for every create the mixed workload can send (each charges one credit per lead). */
const CREDITS = 1_000_000_000;
const ENRICHMENT = 'work_email';
const ADVANCE_STEP_MS = 250;
const MAX_ADVANCE_MS = 60_000;

interface TenantList {
  id: string;
  subject: string;
  leadCount: number;
}

async function call(
  origin: string,
  method: string,
  path: string,
  key?: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(origin + path, {
    method,
    headers: {
      accept: 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${origin}${path} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return text ? JSON.parse(text) : undefined;
}

async function setUpTenant(origin: string, key: string): Promise<TenantList[]> {
  await call(origin, 'GET', '/api/enrichments', key); // first call creates the tenant from the scenario
  await call(origin, 'PUT', `/__admin/tenants/${key}`, undefined, { credits: CREDITS });
  const tenant = (await call(origin, 'GET', `/__admin/tenants/${key}`)) as { lists?: TenantList[] };
  return tenant.lists ?? [];
}

/** Creates the tenants and the running runs, and returns the plan every tool is then benched with. */
export async function prepareEnrichmentMock(origin: string, pollRuns: number): Promise<WorkloadPlan> {
  const lists = await setUpTenant(origin, POLL_KEY);
  await setUpTenant(origin, MIXED_KEY);
  const list = lists
    .filter((candidate) => candidate.subject === 'person')
    .sort((a, b) => b.leadCount - a.leadCount)[0];
  const needed = ITEMS_PAGE_SIZE * MIXED_CYCLE.items;
  if (!list || list.leadCount < needed) {
    throw new Error(
      `Failed to prepare enrichment-mock: the default scenario gives tenant ${POLL_KEY} no person list with at ` +
        `least ${needed} leads (lists: ${JSON.stringify(lists)}). The mixed workload reads ${MIXED_CYCLE.items} ` +
        `pages of ${ITEMS_PAGE_SIZE} items.`,
    );
  }
  const create = { enrichmentId: ENRICHMENT, listId: list.id };
  const ids: string[] = [];
  for (let n = 0; n < pollRuns; n++) {
    const created = (await call(
      origin,
      'POST',
      '/api/enrichment',
      POLL_KEY,
      createBody(create, `bench-poll-${n}`),
    )) as {
      enrichmentRunId: string;
    };
    ids.push(created.enrichmentRunId);
  }
  // The clock is virtual and frozen: move it until every run has left `pending`, then leave it there.
  for (let advanced = 0; ; advanced += ADVANCE_STEP_MS) {
    const statuses = await Promise.all(
      ids.map(
        async (id) => ((await call(origin, 'GET', `/api/enrichment/${id}`, POLL_KEY)) as RunBody).run.status,
      ),
    );
    if (statuses.every((status) => status === 'running')) break;
    if (
      statuses.some((status) => status !== 'running' && status !== 'pending') ||
      advanced >= MAX_ADVANCE_MS
    ) {
      throw new Error(
        `Failed to prepare enrichment-mock: after advancing the clock ${advanced} ms the polled runs are ` +
          `${JSON.stringify(count(statuses))}; the polling workload needs them all running. Check the default ` +
          `scenario's timing (queueWait, itemDuration).`,
      );
    }
    await call(origin, 'POST', '/__admin/clock/advance', undefined, { ms: ADVANCE_STEP_MS });
  }
  return {
    pollKey: POLL_KEY,
    mixedKey: MIXED_KEY,
    pollRunIds: ids,
    create,
  };
}

/** The plan for a bench without enrichment-mock: same shape, made-up ids (static tools ignore them). */
export function staticPlan(pollRuns: number): WorkloadPlan {
  return {
    pollKey: POLL_KEY,
    mixedKey: MIXED_KEY,
    pollRunIds: Array.from(
      { length: pollRuns },
      (_, n) => `8f0c7f0e-2d4b-4f8e-9a43-${String(n).padStart(12, '0')}`,
    ),
    create: { enrichmentId: ENRICHMENT, listId: 'list_prospects' },
  };
}

interface RunBody {
  run: { status: string };
}

function count(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/**
 * Sends one request of each kind the workloads use and checks the answer is a 200 of the right shape, so a
 * misconfigured tool fails the bench up front instead of producing a fast table of 404s.
 */
export async function smokeCheck(origin: string, tool: string, plan: WorkloadPlan): Promise<void> {
  const fail = (what: string, got: unknown): never => {
    throw new Error(`Smoke check failed for ${tool}: ${what}; got ${JSON.stringify(got).slice(0, 400)}`);
  };
  const firstPoll = plan.pollRunIds[0] ?? fail('the plan has no run to poll', plan);
  const polled = (await call(origin, 'GET', `/api/enrichment/${firstPoll}`, plan.pollKey)) as RunBody;
  if (polled.run?.status !== 'running') fail('the polled run should be running', polled);
  const created = (await call(
    origin,
    'POST',
    '/api/enrichment',
    plan.mixedKey,
    createBody(plan.create, `bench-smoke-${tool}-${process.pid}`),
  )) as { enrichmentRunId?: unknown };
  if (typeof created.enrichmentRunId !== 'string') fail('create should return an enrichmentRunId', created);
  const id = String(created.enrichmentRunId);
  const items = (await call(
    origin,
    'GET',
    `/api/enrichment/${id}/items?limit=${ITEMS_PAGE_SIZE}`,
    plan.mixedKey,
  )) as {
    items?: unknown[];
  };
  if (!Array.isArray(items.items) || items.items.length === 0)
    fail('the items page should list items', items);
  const cancelled = (await call(origin, 'POST', `/api/enrichment/${id}/cancel`, plan.mixedKey)) as RunBody;
  if (cancelled.run?.status !== 'cancelled') fail('cancel should answer status cancelled', cancelled);
}
