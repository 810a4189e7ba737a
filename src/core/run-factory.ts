import type { Scenario, TimingModel } from '../scenario/types.js';
import { existingValues } from './lead-writes.js';
import type { Plan } from './planner.js';
import { derive, toToken, toUuid } from './random.js';
import type { Run, RunRequest } from './run.js';
import { createdSeed } from './scenario-seed.js';
import { createSchedule } from './schedule.js';
import type { Tenant } from './tenant.js';

/** The timing model of an enrichment: its profile, else its slug's, else the default. */
function timingFor(scenario: Scenario, request: RunRequest<unknown>): TimingModel {
  const { profiles } = scenario.timing;
  const profile = (name: string | undefined): TimingModel | undefined =>
    name !== undefined && Object.hasOwn(profiles, name) ? profiles[name] : undefined;
  return (
    profile(request.enrichment.timingProfile) ?? profile(request.enrichment.slug) ?? scenario.timing.default
  );
}

/**
 * The credits a run costs: its plan's cost, or nothing when its dispatch fails.
 *
 * @example
 * const required = requests.reduce((sum, request, i) => sum + chargeOf(request, plans[i]), 0);
 */
export function chargeOf(request: Pick<RunRequest, 'dispatchFailure'>, plan: Pick<Plan, 'cost'>): number {
  return request.dispatchFailure === undefined ? plan.cost : 0;
}

/** Everything a run is planned from. */
export interface RunCreation<Meta> {
  scenario: Scenario;
  owner: Tenant;
  request: RunRequest<Meta>;
  plan: Plan;
  /** The creation instant. */
  t: number;
  idempotencyKey: string | null;
}

/**
 * Records a planned run: its id and key (seeded per scenario, tenant and sequence, never from the clock), its timing model, its schedule (with the items a
 * `skip_existing` run excludes up front) and its charge. Nothing per item is stored.
 *
 * @example
 * const run = createRun({ scenario, owner, request, plan, t: clock.now(), idempotencyKey: null });
 */
export function createRun<Meta>({
  scenario,
  owner,
  request,
  plan,
  t,
  idempotencyKey,
}: RunCreation<Meta>): Run<Meta> {
  const sequence = ++owner.sequence;
  const key = derive(createdSeed(scenario), 'run', owner.key, sequence);
  const uuid = toUuid(key);
  const id = request.formatId ? request.formatId({ uuid, token: toToken(key, 7), sequence }) : uuid;
  const timing = timingFor(scenario, request);
  const { scope, size } = plan;
  const skipFlags =
    request.writePolicy === 'skip_existing'
      ? existingValues(owner, scope, size, request.outputAttribute, t)
      : null;
  const schedule = createSchedule({
    key,
    size,
    createdAt: t,
    timing,
    ...(skipFlags ? { isSkipped: (i: number): boolean => skipFlags[i] === 1 } : {}),
  });
  return {
    id,
    vendor: request.vendor,
    tenant: owner.key,
    sequence,
    enrichment: request.enrichment,
    scope,
    size,
    input: request.input,
    outputAttribute: request.outputAttribute,
    writePolicy: request.writePolicy,
    meta: request.meta,
    timing,
    key,
    createdAt: t,
    schedule,
    creditsCharged: chargeOf(request, plan),
    dispatchError: request.dispatchFailure ?? null,
    cancelledAt: null,
    deletedAt: null,
    expiresAt: request.ttlMs === null ? null : t + request.ttlMs,
    idempotencyKey,
    leadIndex: null,
  };
}
