import { derive, toUnit } from '../core/random.js';
import type { FaultEffect, FaultRule, Scenario, Vendor } from './types.js';

/** One call, as the fault plan sees it. */
export interface FaultCall {
  vendor: Vendor;
  /** operationId from the vendor's OpenAPI document. */
  operation: string;
  /** The API key the call was made with (null when it carried none). */
  tenant: string | null;
}

/** An effect to apply, with the name of the rule it came from (for logs and the journal). */
export type AppliedFault = FaultEffect & { rule: string };

export interface FaultPlan {
  /** The effects to apply to this call, in rule order; counts the call for every rule it matches. */
  decide(call: FaultCall): AppliedFault[];
  /** Back to the start: every rule's call and application counters at zero. */
  reset(): void;
}

/** Whether the call is one the rule counts (vendor, operation and tenant, when given, all match). */
const counts = (rule: FaultRule, call: FaultCall): boolean =>
  (rule.match.vendor === undefined || rule.match.vendor === call.vendor) &&
  (rule.match.operation === undefined || rule.match.operation === call.operation) &&
  (rule.match.tenant === undefined || rule.match.tenant === call.tenant);

/**
 * The scenario's fault decisions, as a pure function of the calls seen so far. Each rule counts the calls
 * matching its vendor, operation and tenant; of those, `nth` picks call numbers, `every` every k-th one,
 * and `probability` a share drawn from the scenario seed, the rule's name and the call number (so one seed
 * and one sequence of calls always give the same faults). `times` caps how often a rule applies.
 *
 * @example
 * const faults = createFaultPlan(scenario);
 * const effects = faults.decide({ vendor: 'puffle', operation: 'puffleGetEnrichmentRun', tenant: 'pk_live_x' });
 * // e.g. [{ type: 'status', status: 429, retryAfterSeconds: 2, rule: 'rate-limited-every-5th-call' }]
 */
export function createFaultPlan(scenario: Pick<Scenario, 'seed' | 'faults'>): FaultPlan {
  const rules = scenario.faults;
  const calls = new Array<number>(rules.length).fill(0);
  const applied = new Array<number>(rules.length).fill(0);
  return {
    decide(call) {
      const effects: AppliedFault[] = [];
      rules.forEach((rule, index) => {
        if (!counts(rule, call)) return;
        const n = (calls[index] ?? 0) + 1;
        calls[index] = n;
        const { nth, every, probability } = rule.match;
        if (nth !== undefined && !nth.includes(n)) return;
        if (every !== undefined && n % every !== 0) return;
        if (
          probability !== undefined &&
          !(toUnit(derive(scenario.seed, 'fault', rule.name, n)) < probability)
        )
          return;
        if (rule.times !== undefined && (applied[index] ?? 0) >= rule.times) return;
        applied[index] = (applied[index] ?? 0) + 1;
        effects.push({ ...rule.effect, rule: rule.name });
      });
      return effects;
    },
    reset() {
      calls.fill(0);
      applied.fill(0);
    },
  };
}
