import type { ScenarioContext } from './mock-runtime.js';

/**
 * The sentence a 404 adds when the id it missed exists under another scenario for the same key (ids are
 * distinct per scenario, and each scenario keeps its own state): it names that scenario and the
 * `X-Mock-Scenario` header that reaches it. Empty when no other scenario with state holds the id.
 *
 * @example
 * const hint = elsewhereHint(context.context, (other) => other.simulator.getRun(key, id, 'puffle') !== undefined);
 * context.fail(404, 'not_found', `Enrichment run ${id} not found.${hint}`);
 */
export function elsewhereHint(context: ScenarioContext, holds: (other: ScenarioContext) => boolean): string {
  const other = context.elsewhere(holds);
  return other === undefined
    ? ''
    : ` It exists under scenario "${other}" for this API key, and this request was answered by scenario "${context.scenario.name}": send the header X-Mock-Scenario: ${other} to reach it.`;
}
