import { loadScenario } from '../../src/scenario/load-scenario.js';
import type { FaultRule, Scenario } from '../../src/scenario/types.js';

/** The default scenario with extra fault rules, under its own name. */
export function scenarioWithFaults(name: string, faults: FaultRule[]): Scenario {
  const loaded = loadScenario('default');
  if (!loaded.ok) throw new Error(`Failed to load the default scenario: ${JSON.stringify(loaded.problems)}`);
  return { ...loaded.scenario, name, faults };
}
