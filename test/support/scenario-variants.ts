import { loadScenario } from '../../src/scenario/load-scenario.js';
import type { FaultRule, Scenario } from '../../src/scenario/types.js';

/** A built-in scenario with changes, under its own name. */
export function scenarioWith(base: string, name: string, change: (scenario: Scenario) => Scenario): Scenario {
  const loaded = loadScenario(base);
  if (!loaded.ok) throw new Error(`Failed to load scenario ${base}: ${JSON.stringify(loaded.problems)}`);
  return { ...change(loaded.scenario), name };
}

/** The default scenario with extra fault rules, under its own name. */
export function scenarioWithFaults(name: string, faults: FaultRule[]): Scenario {
  return scenarioWith('default', name, (scenario) => ({ ...scenario, faults }));
}
