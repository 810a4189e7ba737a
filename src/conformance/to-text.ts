import { plural } from './plural.js';
import type { ConformanceReport } from './report.js';

/**
 * The report as readable lines: a summary, then each finding with its fix, source and evidence.
 *
 * @example
 * console.log(toText(mock.report()));
 */
export function toText(report: ConformanceReport): string {
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = report.findings.length - errors;
  const keys = Object.values(report.journal.tenants).reduce((total, list) => total + list.length, 0);
  const lines = [
    `enrichment-mock conformance: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(report.journal.judged, 'exchange')} (${plural(keys, 'API key')}, ${plural(report.rules.length, 'rule')} checked)`,
  ];
  if (report.notice !== undefined) lines.push(`notice: ${report.notice}`);
  for (const finding of report.findings) {
    const times = finding.count === 1 ? '' : ` (x${finding.count})`;
    lines.push(
      '',
      `${finding.severity} ${finding.rule} [${finding.vendor}, ${finding.tenant ?? 'no API key'}]${times}`,
      `  ${finding.message}`,
      `  fix: ${finding.hint}`,
      `  source: ${finding.source}`,
      `  evidence: ${finding.evidence.join(', ')}`,
    );
  }
  return lines.join('\n');
}
