import type { Scenario } from '../scenario/types.js';
import { createAttributeReader, type AttributeValue } from './attribute-reader.js';
import type { Clock } from './clock.js';
import { cancelAt, type CancelResult } from './cancel-race.js';
import { createFakeData, type FakeData } from './fake-data.js';
import { listItems, type ItemQuery, type ItemView } from './item-listing.js';
import { leadAt, type Lead, type LeadList } from './lead-list.js';
import { indexWrites, runsNaming } from './lead-writes.js';
import { planRun, type Plan, type PlanError } from './planner.js';
import { isLive, isOwnedBy, TERMINAL, type Run, type RunOwner, type RunRequest } from './run.js';
import { runStateAt, statusAt, type RunState } from './run-state.js';
import { chargeOf, createRun } from './run-factory.js';
import { createdSeed } from './scenario-seed.js';
import { sweepExpired } from './sweep-expired.js';
import { RecencyMap } from './recency-map.js';
import { createRunHorizonIndex } from './run-horizon-index.js';
import { createRunListIndex, type RunFilter } from './run-list-index.js';
import { addList, createTenant, findLead, MAX_TENANTS, type Tenant } from './tenant.js';

export { itemId, type ItemQuery, type ItemView } from './item-listing.js';

export type StartResult<Meta = unknown> =
  { ok: true; runs: Run<Meta>[]; reused: boolean } | { ok: false; error: PlanError };
export type { CancelResult } from './cancel-race.js';

export interface SimulatorOptions {
  scenario: Scenario;
  clock: Clock;
  fake?: FakeData;
  /** Most tenants kept at once (default `MAX_TENANTS`): past it, the one idle longest is forgotten. */
  tenantLimit?: number;
}

/** How many runs may be created between two sweeps for expired runs. */
const SWEEP_EVERY = 1_000;

/**
 * Creates the simulator: every tenant's world and runs for one scenario, on one clock.
 * All state is derived from the scenario, the seed, the commands and the clock: nothing ticks.
 *
 * @example
 * const sim = createSimulator({ scenario, clock: createVirtualClock(scenario.startAtMs) });
 * const started = sim.startRuns('pk_live_demo', [request]);
 */
export function createSimulator({
  scenario,
  clock,
  fake = createFakeData(),
  tenantLimit = MAX_TENANTS,
}: SimulatorOptions) {
  const horizons = createRunHorizonIndex();
  const listed = createRunListIndex();
  let evictions = 0;
  const tenants = new RecencyMap<string, Tenant>(tenantLimit, {
    // Its retired runs were forgotten by the indexes when the sweep retired them: only its runs remain.
    onEvict: (_key, evicted) => {
      evictions += 1;
      for (const run of evicted.runs.values()) {
        horizons.delete(run);
        listed.delete(run);
      }
    },
  });
  let created = 0;
  const now = (): number => clock.now();
  const tenant = (key: string): Tenant => {
    let found = tenants.get(key);
    if (!found) {
      found = createTenant(key, { scenario, fake });
      tenants.set(key, found);
    }
    return found;
  };

  const sweep = (t: number): void => {
    for (const owner of tenants.values()) sweepExpired(owner, t);
    const expired = (run: Run): boolean => run.expiresAt !== null && run.expiresAt <= t;
    horizons.remove(expired);
    listed.remove(expired);
  };

  const leadOf = (run: Run, index: number): Lead | undefined => {
    if (run.scope.type === 'list') return leadAt(run.scope.list, index, fake);
    const id = run.scope.leadIds[index];
    // Reading a run's items does not count as use of its tenant (`tenant` would mark it on every item).
    return id === undefined ? undefined : findLead(tenants.peek(run.tenant) ?? tenant(run.tenant), id, fake);
  };
  const readAttribute = createAttributeReader({ scenario, fake, leadOf, now });

  // A lookup does not create the tenant: other scenarios are searched for ids too (see `getRun`).
  const findRun = <Meta>(key: string, id: string, vendor: RunOwner<Meta>): Run<Meta> | undefined => {
    const run = tenants.peek(key)?.runs.get(id);
    return run && isOwnedBy(run, vendor) && isLive(run, now()) ? run : undefined;
  };

  return {
    scenario,
    clock,
    now,
    /**
     * The tenant's world, created from the scenario on first use. At most `tenantLimit` are kept: creating
     * one more forgets the tenant idle longest (its runs, lists, credits and keys), as a reset of it would.
     */
    tenant,
    /** The tenant's world if it exists, without creating it or marking it as used (a lookup for another key). */
    peekTenant: (key: string): Tenant | undefined => tenants.peek(key),
    /** How many tenants the limit has forgotten so far (a change of the world no command made). */
    evictions: (): number => evictions,
    /** Every tenant created so far. */
    tenants: (): Tenant[] => [...tenants.values()],
    /** Back to the scenario's initial world: every tenant and run is forgotten. */
    reset(): void {
      tenants.clear();
      horizons.clear();
      listed.clear();
      created = 0;
    },
    findLead: (key: string, id: string): Lead | undefined => findLead(tenant(key), id, fake),
    leadAt: (list: LeadList, index: number): Lead | undefined => leadAt(list, index, fake),
    /** Adds a list of generated leads (e.g. the items an Exa webset search finds). */
    createList(
      key: string,
      spec: {
        name: string;
        subject: 'person' | 'company';
        size: number;
        externalId?: string | null;
        metadata?: Record<string, string>;
      },
    ): LeadList {
      return addList(
        tenant(key),
        {
          name: spec.name,
          subject: spec.subject,
          generate: spec.size,
          leads: [],
          externalId: spec.externalId ?? null,
          metadata: spec.metadata ?? {},
        },
        { scenario, fake, now: now(), seed: createdSeed(scenario) },
      );
    },
    /** What the requests would cost, without charging or creating anything. */
    preview(
      key: string,
      request: RunRequest<unknown>,
    ): { ok: true; leadCount: number; cost: number; balance: number } | { ok: false; error: PlanError } {
      const owner = tenant(key);
      const planned = planRun(owner, request);
      return planned.ok
        ? { ok: true, leadCount: planned.plan.size, cost: planned.plan.cost, balance: owner.credits }
        : planned;
    },
    /**
     * Plans, charges and records runs, all or none. With an idempotency key, a repeat with the same
     * fingerprint returns the runs already made (`reused`); a different fingerprint is refused.
     */
    startRuns<Meta>(
      key: string,
      requests: RunRequest<Meta>[],
      idempotency?: { key: string; fingerprint: string },
    ): StartResult<Meta> {
      const owner = tenant(key);
      const t = now();
      if (idempotency) {
        const previous = owner.idempotency.get(idempotency.key);
        const runs = previous?.runIds
          .map((id) => owner.runs.get(id))
          .filter(
            (run): run is Run<Meta> =>
              run !== undefined &&
              requests.some((request) => isOwnedBy(run, request.vendor)) &&
              isLive(run, t),
          );
        if (previous && runs && runs.length === previous.runIds.length) {
          if (previous.fingerprint !== idempotency.fingerprint)
            return { ok: false, error: { code: 'idempotency_key_reused', key: idempotency.key } };
          return { ok: true, runs, reused: true };
        }
      }
      const plans: Plan[] = [];
      for (const request of requests) {
        const planned = planRun(owner, request);
        if (!planned.ok) return planned;
        plans.push(planned.plan);
      }
      const required = requests.reduce((sum, request, i) => sum + chargeOf(request, plans[i] as Plan), 0);
      if (required > owner.credits)
        return { ok: false, error: { code: 'insufficient_credits', required, balance: owner.credits } };
      const runs = requests.map((request, i) =>
        createRun({
          scenario,
          owner,
          request,
          plan: plans[i] as Plan,
          t,
          idempotencyKey: idempotency?.key ?? null,
        }),
      );
      for (const run of runs) {
        owner.credits -= run.creditsCharged;
        owner.runs.set(run.id, run);
        // A dispatch failure ends at once: never unsettled, but its failed items still name their leads.
        if (run.dispatchError === null) horizons.add(run);
        listed.add(run);
        indexWrites(owner, run);
      }
      if (idempotency)
        owner.idempotency.set(idempotency.key, {
          fingerprint: idempotency.fingerprint,
          runIds: runs.map((run) => run.id),
        });
      created += runs.length;
      if (created % SWEEP_EVERY < runs.length) sweep(t);
      return { ok: true, runs, reused: false };
    },
    /**
     * A live run of this tenant and vendor; expired, deleted and other tenants' runs are not found. Never
     * creates the tenant, so it may be asked of any scenario's simulator.
     */
    getRun: findRun,
    /** The run's ledger now. */
    state: (run: Run): RunState => runStateAt(run, now()),
    /** Items in index order after `afterIndex`, filtered; `nextIndex` is set when more may follow. */
    items: (run: Run, query: ItemQuery): { items: ItemView[]; hasMore: boolean } =>
      listItems(run, query, now(), (index) => leadOf(run, index) as Lead, fake),
    /** Cancels a pending or running run of this tenant and vendor now (see `cancelAt` for the races). */
    cancelRun<Meta>(key: string, id: string, vendor: RunOwner<Meta>): CancelResult<Meta> {
      const run = findRun(key, id, vendor);
      if (!run) return { ok: false, code: 'not_found' };
      return cancelAt(run, now(), scenario.races);
    },
    /** Hides a run (cancelling it first when still in flight); its results disappear with it. */
    deleteRun<Meta>(key: string, id: string, vendor: RunOwner<Meta>): Run<Meta> | undefined {
      const run = findRun(key, id, vendor);
      if (!run) return undefined;
      const t = now();
      if (!TERMINAL.has(statusAt(run, t))) run.cancelledAt = t;
      run.deletedAt = t;
      listed.delete(run);
      return run;
    },
    /** The value a lead's attribute holds now: the latest completed write, else the scenario's. */
    attribute: (key: string, lead: Lead, attribute: string): AttributeValue =>
      readAttribute(tenant(key), lead, attribute),
    /**
     * The live runs that may still change after now (those whose natural end lies ahead), from an index
     * the commands keep: O(log runs + those runs), whatever the history.
     */
    unsettledRuns(): Run[] {
      const t = now();
      return horizons.endingAfter(t).filter((run) => isLive(run, t));
    },
    /**
     * The live runs writing `attribute` that name the lead one by one (not those over a whole list):
     * O(those runs).
     */
    liveRunsNaming(key: string, leadId: string, attribute: string): Run[] {
      const t = now();
      return runsNaming(tenant(key), leadId, attribute).filter((run) => isLive(run, t));
    },
    /** The live run with this id, whichever tenant made it: O(1). */
    runById(id: string): Run | undefined {
      const run = listed.get(id);
      return run && isLive(run, now()) ? run : undefined;
    },
    /**
     * The live runs `filter` covers, newest first (see `compareRunAge`), lazily from an index the
     * commands keep; `isAfter` starts the walk past a cursor. Costs what the caller reads, plus the
     * expired runs not swept yet that it steps over.
     */
    *liveRunsNewestFirst(filter: RunFilter, isAfter?: (run: Run) => boolean): Generator<Run> {
      const t = now();
      for (const run of listed.newestFirst(filter, isAfter)) if (isLive(run, t)) yield run;
    },
    /** Every live run of every tenant, by scanning each tenant's runs (no index): for checks and tests. */
    allRuns(): Run[] {
      const t = now();
      return [...tenants.values()].flatMap((owner) =>
        [...owner.runs.values()].filter((run) => isLive(run, t)),
      );
    },
  };
}

export type Simulator = ReturnType<typeof createSimulator>;
