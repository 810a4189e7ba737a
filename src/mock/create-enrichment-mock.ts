import type { HttpHandler } from 'msw';
import { createVendorHandler } from '../adapter/vendor-handler.js';
import { createVirtualClock, type Clock, type VirtualClock } from '../core/clock.js';
import { advanceToNextChange } from '../runtime/advance-to-next-change.js';
import type { Journal } from '../runtime/journal.js';
import { createRuntime, type Runtime } from '../runtime/mock-runtime.js';
import { describeTenant, updateTenant } from '../runtime/tenant-admin.js';
import type { InlineScenario } from '../scenario/extends-chain.js';
import { formatProblems, loadScenario, resolveBuiltinScenario } from '../scenario/load-scenario.js';
import type { Scenario, Vendor } from '../scenario/types.js';
import { createVendors, VENDOR_ORIGINS } from '../vendors/registry.js';

export interface EnrichmentMockOptions {
  /** A built-in scenario name, a path to a scenario file, or a normalised scenario. Default `default`. */
  scenario?: string | Scenario;
  /** Changes to the scenario, in the scenario file format (deep-merged over it, arrays replaced). */
  overrides?: InlineScenario;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Where each vendor's handlers answer; default the real API origins. `*` answers on any origin. */
  baseUrls?: Partial<Record<Vendor, string>>;
  /** A clock of your own; default a virtual clock at the scenario's start. */
  clock?: Clock;
  /**
   * Before answering a read (GET), move the virtual clock to the next instant at which any run changes,
   * so a polling client sees progress on every poll without waiting. Default false.
   */
  autoAdvance?: boolean;
  /** How many exchanges the journal keeps (oldest dropped first). Default 10,000. */
  journalLimit?: number;
}

/** Controls over one tenant (API key) of the active scenario. */
export interface TenantHandle {
  /** Sets the tenant's credit balance. */
  setCredits(credits: number): void;
  /** Revokes the key (401 from then on), or restores it with `false`. */
  revoke(revoked?: boolean): void;
  /** The tenant's world: credits, lists with their first lead ids, the catalog. */
  describe(): ReturnType<typeof describeTenant>;
}

/** A mock of the three enrichment APIs inside a test process. */
export interface EnrichmentMock {
  /** msw handlers: `setupServer(...mock.handlers)`. */
  handlers: HttpHandler[];
  /** The mock's clock: a `VirtualClock` (`advance`, `set`) unless you passed your own. */
  clock: VirtualClock;
  /** Every exchange the handlers answered, queryable by tenant and vendor. */
  journal: Journal;
  scenario: Scenario;
  runtime: Runtime;
  /** Controls over one tenant of the active scenario. */
  tenant(key: string): TenantHandle;
  /** A `sleep` for clients under test: advances the virtual clock instead of waiting. */
  sleep(ms: number): Promise<void>;
  /** Moves the clock to the next instant any run changes; false when every run has settled. */
  advanceToNextChange(): boolean;
  /** Forgets every run and tenant: back to the scenario's initial world. The clock stays. */
  reset(): void;
}

function resolveScenario(options: EnrichmentMockOptions): Scenario {
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
  if (!loaded.ok)
    throw new Error(
      `Failed to load scenario "${name}". Fix these problems:\n${formatProblems(name, loaded.problems)}`,
    );
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
 * Creates an in-process mock of Puffle, Sendkit and Exa Websets for msw, on a virtual clock.
 *
 * @example
 * const mock = createEnrichmentMock({ scenario: 'cancel-race', seed: 7 });
 * const server = setupServer(...mock.handlers);
 * server.listen();
 * mock.clock.advance(5_000);
 */
export function createEnrichmentMock(options: EnrichmentMockOptions = {}): EnrichmentMock {
  const scenario = resolveScenario(options);
  const clock = options.clock ?? createVirtualClock(scenario.startAtMs);
  const runtime = createRuntime({
    scenario,
    resolveScenario: (name) => resolveBuiltinScenario(name, options.seed),
    clock,
    autoAdvance: options.autoAdvance ?? false,
    ...(options.journalLimit === undefined ? {} : { journalLimit: options.journalLimit }),
  });
  const handlers = createVendors().map(
    (vendor) =>
      createVendorHandler(vendor, runtime, {
        origin: options.baseUrls?.[vendor.vendor] ?? VENDOR_ORIGINS[vendor.vendor],
        faultsDecidedUpstream: false,
        journal: true,
      }).handler,
  );
  const controllable = asControllable(clock);
  const activeContext = () => {
    const context = runtime.context();
    if (!context) throw new Error(`The active scenario "${runtime.active.name}" cannot be loaded.`);
    return context;
  };
  return {
    handlers,
    clock: controllable,
    journal: runtime.journal,
    scenario,
    runtime,
    tenant: (key) => ({
      setCredits: (credits) => void updateTenant(activeContext(), key, { credits }),
      revoke: (revoked = true) => void updateTenant(activeContext(), key, { revoked }),
      describe: () => describeTenant(activeContext(), key),
    }),
    sleep: (ms) => {
      controllable.advance(ms);
      return Promise.resolve();
    },
    advanceToNextChange: () => advanceToNextChange(runtime),
    reset: () => runtime.reset(),
  };
}
