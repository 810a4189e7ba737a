import type { Clock } from '../core/clock.js';
import { RecencyMap } from '../core/recency-map.js';
import { createSimulator, type Simulator } from '../core/simulator.js';
import { createFaultPlan, type FaultPlan } from '../scenario/fault-plan.js';
import type { Scenario } from '../scenario/types.js';
import { createJournal, type Journal } from './journal.js';

/** Everything one scenario needs at run time: its simulator and its fault counters. */
export interface ScenarioContext {
  scenario: Scenario;
  simulator: Simulator;
  faults: FaultPlan;
  /**
   * The name of another scenario with state (its context created) for which `holds` is true, else
   * undefined: lets a 404 say that the id exists under another scenario (see `elsewhereHint`).
   */
  elsewhere(holds: (other: ScenarioContext) => boolean): string | undefined;
}

/**
 * How many scenario contexts (a simulator and fault counters per scenario name) a runtime keeps. Past it,
 * the context idle longest is forgotten (its tenants and runs, as a reset of that scenario would); the
 * active scenario's context never is.
 */
export const MAX_SCENARIO_CONTEXTS = 100;

export interface RuntimeOptions {
  /** The scenario requests get when they name none. */
  scenario: Scenario;
  /** Finds another scenario by name (for `X-Mock-Scenario` and the control API); undefined when unknown. */
  resolveScenario: (name: string) => Scenario | undefined;
  clock: Clock;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes?: number;
  journalLimit?: number;
  /** Before each read, move a virtual clock to the next instant any run changes. */
  autoAdvance?: boolean;
  /** Most scenario contexts kept at once (default `MAX_SCENARIO_CONTEXTS`). */
  contextLimit?: number;
}

/**
 * The state shared by every vendor handler of one mock: a simulator per scenario (created on first
 * use, so state is kept per scenario and tenant), one clock, one journal, and the active scenario.
 *
 * @example
 * const runtime = createRuntime({ scenario, resolveScenario: () => undefined, clock });
 * runtime.context('default').simulator.startRuns(...);
 */
export function createRuntime(options: RuntimeOptions) {
  let active = options.scenario;
  const contexts = new RecencyMap<string, ScenarioContext>(options.contextLimit ?? MAX_SCENARIO_CONTEXTS, {
    keep: (name) => name === active.name,
  });
  let requestCount = 0;
  const journal: Journal = createJournal({ limit: options.journalLimit ?? 10_000 });
  // While a request is answered, every reading of the clock (simulators included) gives its one instant.
  let pinned: number | undefined;
  const instant: Clock = { mode: options.clock.mode, now: () => pinned ?? options.clock.now() };

  const lookup = (name: string): Scenario | undefined =>
    name === active.name ? active : options.resolveScenario(name);

  return {
    clock: options.clock,
    journal,
    autoAdvance: options.autoAdvance ?? false,
    bodyLimitBytes: options.bodyLimitBytes ?? 1_048_576,
    /** The scenario requests get when they name none. */
    get active(): Scenario {
      return active;
    },
    /** Makes `scenario` the default; its state starts afresh. */
    activate(scenario: Scenario): void {
      active = scenario;
      this.forget(scenario.name);
    },
    /** Forgets one scenario's tenants, runs and fault counters: its next request starts from its (re-read) world. */
    forget(name: string): void {
      contexts.delete(name);
    },
    /**
     * The context of a scenario by name, created on first use; undefined for an unknown name. At most
     * `contextLimit` are kept: creating one more forgets the one idle longest (never the active one).
     */
    context(name: string = active.name): ScenarioContext | undefined {
      let context = contexts.get(name);
      if (context) return context;
      const scenario = lookup(name);
      if (!scenario) return undefined;
      context = {
        scenario,
        simulator: createSimulator({ scenario, clock: instant }),
        faults: createFaultPlan(scenario),
        elsewhere: (holds) => {
          for (const [other, found] of contexts) if (other !== name && holds(found)) return other;
          return undefined;
        },
      };
      contexts.set(name, context);
      return context;
    },
    /** Every scenario context created so far. */
    contexts: (): ScenarioContext[] => [...contexts.values()],
    /** Forgets every tenant, run and fault counter: each scenario starts again from its initial world. */
    reset(): void {
      contexts.clear();
    },
    /**
     * Runs `answer` at one instant: reads the clock once and pins it, so every decision inside (auth,
     * faults, the operation through its simulator, headers, the journal) sees the same time. `answer`
     * must be synchronous.
     */
    at<T>(answer: (now: number) => T): T {
      const now = options.clock.now();
      pinned = now;
      try {
        return answer(now);
      } finally {
        pinned = undefined;
      }
    },
    /** The id of a request: the one the client sent (`X-Request-Id`), else the next of this mock (`req_0000000a`). */
    requestId(sent: string | null | undefined): string {
      if (sent) return sent;
      requestCount += 1;
      return `req_${requestCount.toString(36).padStart(8, '0')}`;
    },
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
