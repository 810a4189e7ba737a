import { bypass, type HttpHandler } from 'msw';
import { createVendorHandler } from '../adapter/vendor-handler.js';
import { createVirtualClock, type Clock, type VirtualClock } from '../core/clock.js';
import { assertConformance } from '../conformance/conformance-error.js';
import { countEntries, type JournalMatcher } from '../conformance/journal-matcher.js';
import type { ConformanceReport, ReportFilter } from '../conformance/report.js';
import { runtimeReport } from '../conformance/runtime-report.js';
import type { Journal } from '../runtime/journal.js';
import { createRuntime, type Runtime } from '../runtime/mock-runtime.js';
import { describeTenant, updateTenant } from '../runtime/tenant-admin.js';
import type { ScenarioOverrides } from '../scenario/file-types.js';
import { formatProblems, loadScenario, resolveBuiltinScenario } from '../scenario/load-scenario.js';
import type { ScenarioProblem } from '../scenario/problem.js';
import type { Scenario, Vendor } from '../scenario/types.js';
import { createVendors, VENDOR_ORIGINS } from '../vendors/registry.js';
import type { DeliveryReport } from '../webhooks/outbox.js';
import { advanceWithDeliveries } from '../webhooks/advance-with-deliveries.js';
import { createRuntimeWebhooks } from '../webhooks/runtime-webhooks.js';

export type { DeepPartial, ScenarioOverrides } from '../scenario/file-types.js';

/**
 * Options of `createEnrichmentMock`: which scenario, changed how, with which seed, answering where, on
 * which clock (`C`, a `VirtualClock` unless you pass a clock of your own).
 *
 * @example
 * const options: EnrichmentMockOptions = {
 *   scenario: 'flaky-network',
 *   seed: 7,
 *   overrides: { faults: [{ name: 'slow', match: { vendor: 'puffle' }, effect: { latency: '200ms' } }] },
 *   baseUrls: { puffle: 'http://localhost:4010' },
 *   autoAdvance: true,
 * };
 */
export interface EnrichmentMockOptions<C extends Clock = VirtualClock> {
  /** A built-in scenario name, a path to a scenario file, or a normalised scenario. Default `default`. */
  scenario?: string | Scenario;
  /** Changes to the scenario, in the scenario file format (deep-merged over it, arrays replaced). */
  overrides?: ScenarioOverrides;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Where each vendor's handlers answer; default the real API origins. `*` answers on any origin. */
  baseUrls?: Partial<Record<Vendor, string>>;
  /** A clock of your own (`mock.clock` is then this clock); default a virtual clock at the scenario's start. */
  clock?: C;
  /**
   * Before answering a read (GET), move the virtual clock to the next instant at which any run changes,
   * so a polling client sees progress on every poll without waiting. Default false.
   */
  autoAdvance?: boolean;
  /** How many exchanges the journal keeps (oldest dropped first). Default 10,000. */
  journalLimit?: number;
}

/**
 * Controls over one tenant (API key) of the active scenario; changes last until `reset()`.
 *
 * @example
 * const tenant = mock.tenant('pk_live_test');
 * tenant.setCredits(0); // the next paid create answers 402
 * tenant.revoke(); // every call with the key answers 401
 * tenant.describe().lists[0]?.leadIds; // lead ids to enrich
 */
export interface TenantHandle {
  /** Sets the tenant's credit balance. */
  setCredits(credits: number): void;
  /** Revokes the key (401 from then on), or restores it with `false`. */
  revoke(revoked?: boolean): void;
  /** The tenant's world: credits, lists with their first lead ids, the catalog. */
  describe(): ReturnType<typeof describeTenant>;
}

/** Webhook delivery of an in-process mock (Exa Webhooks POST to their URLs for real). */
export interface WebhookControls {
  /**
   * POSTs every delivery attempt due by the clock's instant, one at a time in due order, and resolves with
   * what each receiver answered. `advance` and `sleep` call it for you.
   */
  deliverDue(): Promise<DeliveryReport[]>;
  /** When the earliest attempt not made yet is due, or null when nothing is owed. */
  nextDueAt(): number | null;
}

/**
 * A mock of the three enrichment APIs inside a test process: handlers for msw, a virtual clock, a
 * journal of every exchange and controls over tenants.
 *
 * @example
 * const mock = createEnrichmentMock({ scenario: 'cancel-race', seed: 7 });
 * server.use(...mock.handlers);
 * const client = createMyClient({ sleep: mock.sleep, now: () => mock.clock.now() });
 * await mock.advance(10_000);
 * mock.journal.entries({ vendor: 'puffle' }).map((entry) => entry.response.status);
 * mock.reset();
 */
export interface EnrichmentMock<C extends Clock = VirtualClock> {
  /** msw handlers: `setupServer(...mock.handlers)`. */
  handlers: HttpHandler[];
  /**
   * The mock's clock, for reading the time (`now()`, e.g. for your client's deadlines): the clock you
   * passed, else a `VirtualClock`. Move time with `advance` or `sleep`, which also deliver webhooks.
   */
  clock: C;
  /** Every exchange the handlers answered, queryable by tenant and vendor, countable by a matcher. */
  journal: Journal & {
    /** How many entries match (WireMock's verify): `mock.journal.count({ operation: 'puffleGetEnrichmentRun' })`. */
    count(matcher: JournalMatcher): number;
  };
  /** The scenario the mock was created with, normalised (durations in ms, defaults filled in). */
  scenario: Scenario;
  /** The shared state behind the handlers. Internal: its shape may change in any release. */
  runtime: Runtime;
  /** Controls over one tenant of the active scenario. */
  tenant(key: string): TenantHandle;
  /** Webhook delivery: due attempts are POSTed when you call `deliverDue`, `advance` or `sleep`. */
  webhooks: WebhookControls;
  /**
   * The way a test moves time: advances the virtual clock by `ms`, stopping at each instant a webhook
   * delivery falls due on the way to make it (awaited), so receivers see the world as it was then. Throws
   * on a real clock.
   */
  advance(ms: number): Promise<DeliveryReport[]>;
  /** `advance`, shaped as the `sleep` of a client under test: its waits move the clock instead of waiting. */
  sleep(ms: number): Promise<void>;
  /** Forgets every run and tenant: back to the scenario's initial world. The clock stays. */
  reset(): void;
  /**
   * How the client behaved against the vendors' documented rules (poll cadence, Retry-After, idempotent
   * creates, ...), judged from the journal and the webhook attempts: see docs/conformance.md.
   */
  report(filter?: ReportFilter): ConformanceReport;
  /**
   * Throws a `ConformanceError` listing every finding (with its fix, source and journal entry ids) when
   * the client broke a rule: `afterEach(() => mock.assertConformance())`.
   */
  assertConformance(filter?: ReportFilter): void;
}

/** Problems of the overrides (written in no file) are named as such: their JSON has no lines to point at. */
const inOverrides = (problem: ScenarioProblem): ScenarioProblem =>
  problem.file === undefined ? { path: problem.path, message: problem.message, file: 'overrides' } : problem;

function resolveScenario(options: EnrichmentMockOptions<Clock>): Scenario {
  const { scenario: option, seed, overrides } = options;
  if (typeof option === 'object') return seed === undefined ? option : { ...option, seed };
  const name = option ?? 'default';
  if (overrides === undefined && seed === undefined) {
    const builtin = resolveBuiltinScenario(name);
    if (builtin) return builtin;
  }
  const loaded = loadScenario(name, {
    ...(seed === undefined ? {} : { seed }),
    ...(overrides ? { inline: overrides } : {}),
  });
  if (!loaded.ok) {
    const problems = overrides ? loaded.problems.map(inOverrides) : loaded.problems;
    throw new Error(
      `Failed to load scenario "${name}"${overrides ? ' with the overrides given' : ''}. Fix these problems:\n${formatProblems(name, problems)}`,
    );
  }
  return loaded.scenario;
}

/** A clock that refuses to be moved: for a mock given a real clock. */
function asControllable(clock: Clock): VirtualClock {
  if (clock.mode === 'virtual' && 'advance' in clock) return clock as VirtualClock;
  const refuse = (): never => {
    throw new Error(
      'This mock runs on a real clock: it cannot be advanced. Create it without `clock` to get a virtual one.',
    );
  };
  return { mode: 'virtual', now: () => clock.now(), advance: refuse, set: refuse };
}

/**
 * Creates an in-process mock of Puffle, Sendkit and Exa Websets for msw, on a virtual clock (or on the
 * clock you pass, which `mock.clock` then is).
 *
 * @example
 * const mock = createEnrichmentMock({ scenario: 'cancel-race', seed: 7 });
 * const server = setupServer(...mock.handlers);
 * server.listen();
 * await mock.advance(5_000);
 */
export function createEnrichmentMock<C extends Clock>(
  options: EnrichmentMockOptions<C> & { clock: C },
): EnrichmentMock<C>;
export function createEnrichmentMock(options?: EnrichmentMockOptions): EnrichmentMock;
export function createEnrichmentMock(options: EnrichmentMockOptions<Clock> = {}): EnrichmentMock<Clock> {
  const scenario = resolveScenario(options);
  const clock = options.clock ?? createVirtualClock(scenario.startAtMs);
  const runtime = createRuntime({
    scenario,
    resolveScenario: (name) => resolveBuiltinScenario(name, options.seed),
    clock,
    autoAdvance: options.autoAdvance ?? false,
    ...(options.journalLimit === undefined ? {} : { journalLimit: options.journalLimit }),
  });
  const vendors = createVendors();
  const handlers = vendors.map((vendor) =>
    createVendorHandler(vendor, runtime, options.baseUrls?.[vendor.vendor] ?? VENDOR_ORIGINS[vendor.vendor]),
  );
  const controllable = asControllable(clock);
  // Deliveries bypass msw, so a `setupServer` with `onUnhandledRequest: 'error'` lets them through.
  const webhooks = createRuntimeWebhooks(runtime, vendors, {
    fetch: (input, init) => globalThis.fetch(bypass(input, init)),
  });
  const advance = async (ms: number): Promise<DeliveryReport[]> => {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`Cannot advance the clock by ${ms} ms: give a finite number >= 0.`);
    const moved = await advanceWithDeliveries(webhooks, controllable, controllable.now() + ms);
    if (!moved.ok) throw new Error(moved.message);
    return moved.reports;
  };
  const report = (filter?: ReportFilter): ConformanceReport => runtimeReport(runtime, vendors, filter);
  const activeContext = () => {
    const context = runtime.context();
    if (!context) throw new Error(`The active scenario "${runtime.active.name}" cannot be loaded.`);
    return context;
  };
  return {
    handlers,
    clock,
    journal: Object.assign(runtime.journal, {
      count: (matcher: JournalMatcher) => countEntries(runtime.journal.entries(), matcher),
    }),
    scenario,
    runtime,
    tenant: (key) => ({
      setCredits: (credits) => void updateTenant(activeContext(), key, { credits }),
      revoke: (revoked = true) => void updateTenant(activeContext(), key, { revoked }),
      describe: () => describeTenant(activeContext(), key),
    }),
    webhooks,
    advance,
    sleep: async (ms) => {
      await advance(ms);
    },
    reset: () => {
      runtime.reset();
    },
    report,
    assertConformance: (filter) => void assertConformance(report(filter)),
  };
}
