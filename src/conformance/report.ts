import type { Vendor } from '../scenario/types.js';
import { sourceText, type Finding } from './findings.js';
import { RULES, type RuleId, type Severity } from './rules.js';

/** A rule as a report lists it. */
export interface ReportedRule {
  id: RuleId;
  severity: Severity;
  vendor: Vendor;
  source: string;
  /** The threshold chosen where the docs give none. */
  decision?: string;
}

/** The verdict on a client's behaviour: what `GET /__admin/report`, `mock.report()` and `report FILE.har` give. */
export interface ConformanceReport {
  /** Errors first, then warnings; in rule order within each. */
  findings: Finding[];
  rules: ReportedRule[];
  /** What was judged: how many exchanges, how many the journal had dropped, and the API keys per vendor. */
  journal: { judged: number; dropped: number; tenants: Partial<Record<Vendor, string[]>> };
  /** Set when the journal dropped entries, so findings may be missing. */
  notice?: string;
}

/** Narrows a report to one tenant, vendor or severity. */
export interface ReportFilter {
  tenant?: string;
  vendor?: Vendor;
  severity?: Severity;
}

const ruleOrder = (finding: Finding): number =>
  RULES.findIndex((rule) => rule.id === finding.rule && rule.vendor === finding.vendor);

/**
 * Builds a report from findings: every rule, the findings sorted (errors first), and a notice when the
 * journal dropped entries.
 *
 * @example
 * toReport(findings.list(), { judged: 12, dropped: 0, tenants: new Map([['puffle', new Set(['pk_live_a'])]]) });
 */
export function toReport(
  findings: Finding[],
  journal: { judged: number; dropped: number; tenants: ReadonlyMap<Vendor, ReadonlySet<string>> },
): ConformanceReport {
  const sorted = [...findings].sort(
    (a, b) =>
      Number(a.severity === 'warning') - Number(b.severity === 'warning') || ruleOrder(a) - ruleOrder(b),
  );
  return {
    findings: sorted,
    rules: RULES.map((rule) => ({
      id: rule.id,
      severity: rule.severity,
      vendor: rule.vendor,
      source: sourceText(rule.source),
      ...(rule.decision === undefined ? {} : { decision: rule.decision }),
    })),
    journal: {
      judged: journal.judged,
      dropped: journal.dropped,
      tenants: Object.fromEntries([...journal.tenants].map(([vendor, keys]) => [vendor, [...keys].sort()])),
    },
    ...(journal.dropped > 0
      ? {
          notice: `The journal dropped ${journal.dropped} entries before these were judged: findings that need them (an earlier poll, the create a retry repeats) may be missing. Raise the journal limit (--journal-limit, journalLimit) or clear the journal between test cases.`,
        }
      : {}),
  };
}

/**
 * The report narrowed by tenant, vendor and severity (findings, rules and tenants alike).
 *
 * @example
 * filterReport(report, { vendor: 'puffle', severity: 'error' });
 */
export function filterReport(report: ConformanceReport, filter: ReportFilter): ConformanceReport {
  const { tenant, vendor, severity } = filter;
  const tenants = Object.fromEntries(
    Object.entries(report.journal.tenants)
      .filter(([name]) => vendor === undefined || name === vendor)
      .map(([name, keys]) => [name, tenant === undefined ? keys : keys.filter((key) => key === tenant)]),
  );
  return {
    ...report,
    findings: report.findings.filter(
      (finding) =>
        (tenant === undefined || finding.tenant === tenant) &&
        (vendor === undefined || finding.vendor === vendor) &&
        (severity === undefined || finding.severity === severity),
    ),
    rules: report.rules.filter(
      (rule) =>
        (vendor === undefined || rule.vendor === vendor) &&
        (severity === undefined || rule.severity === severity),
    ),
    journal: { ...report.journal, tenants },
  };
}
