import type { components } from '../generated/admin.types.js';
import { ruleFor, type RuleId } from './rules.js';
import type { Vendor } from '../scenario/types.js';

/**
 * One broken rule, with the journal entries (or webhook attempts) that show it: admin.yaml's
 * `ConformanceFinding`, with the rule id typed. `count` counts one finding per rule, tenant and run or request.
 */
export type Finding = Omit<components['schemas']['ConformanceFinding'], 'rule'> & { rule: RuleId };

/** The most evidence ids a finding lists; `count` still counts them all. */
const EVIDENCE_LIMIT = 20;

/** `“quote” (where)`: how a rule's source reads in a report. */
export const sourceText = (source: { quote: string; from: string }): string =>
  `“${source.quote}” (${source.from})`;

/**
 * Collects findings, one per rule, vendor, tenant and subject (a run, a request): a rule broken again
 * the same way adds its evidence and counts up. A rule the vendor does not have is ignored.
 *
 * @example
 * const findings = createFindings();
 * findings.add('poll-interval-too-short', 'puffle', 'pk_live_a', 'run_1', () => 'Run run_1 ...', ['ex_1', 'ex_2']);
 * findings.list();
 */
export function createFindings() {
  const found = new Map<string, Finding>();
  return {
    add(
      id: RuleId,
      vendor: Vendor,
      tenant: string | null,
      subject: string,
      message: () => string,
      evidence: string[],
    ): void {
      const rule = ruleFor(id, vendor);
      if (!rule) return;
      const key = JSON.stringify([id, vendor, tenant, subject]);
      let finding = found.get(key);
      if (!finding) {
        finding = {
          rule: id,
          severity: rule.severity,
          vendor,
          tenant,
          message: message(),
          hint: rule.hint,
          source: sourceText(rule.source),
          evidence: [],
          count: 0,
        };
        found.set(key, finding);
      }
      finding.count += 1;
      for (const item of evidence)
        if (finding.evidence.length < EVIDENCE_LIMIT && !finding.evidence.includes(item))
          finding.evidence.push(item);
    },
    list: (): Finding[] => [...found.values()],
  };
}

export type Findings = ReturnType<typeof createFindings>;
