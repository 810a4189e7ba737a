import type { Finding } from './findings.js';
import type { ConformanceReport } from './report.js';

/** XML 1.0 text: escaped, and without the characters XML cannot carry. */
const xml = (value: string): string =>
  value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/** Where a finding's tenant appears: the key, or `(no API key)`. */
const tenantName = (tenant: string | null): string => tenant ?? '(no API key)';

const failure = (finding: Finding): string =>
  `      <failure message="${xml(finding.message)}" type="${finding.severity}">${xml(
    [
      `${finding.severity}: ${finding.message}`,
      `count: ${finding.count}`,
      `fix: ${finding.hint}`,
      `source: ${finding.source}`,
      `evidence: ${finding.evidence.join(', ')}`,
    ].join('\n'),
  )}</failure>`;

/**
 * The report as JUnit XML, the format CI systems display natively: a test suite per vendor, a test case
 * per rule and API key (per rule alone when the vendor saw no traffic), a `failure` per finding (its
 * `type` is the severity). `testsuite` and `testsuites` carry `tests`, `failures` (failing test cases)
 * and `errors` (always 0).
 *
 * @example
 * writeFileSync('conformance.xml', toJunit(mock.report()));
 */
export function toJunit(report: ConformanceReport): string {
  const vendors = [...new Set(report.rules.map((rule) => rule.vendor))];
  let tests = 0;
  let failures = 0;
  const suites = vendors.map((vendor) => {
    const rules = report.rules.filter((rule) => rule.vendor === vendor);
    const found = report.findings.filter((finding) => finding.vendor === vendor);
    const tenants = new Set<string | null>(report.journal.tenants[vendor] ?? []);
    for (const finding of found) tenants.add(finding.tenant);
    const cases = rules.flatMap((rule) =>
      (tenants.size === 0 ? [undefined] : [...tenants]).map((tenant) => ({
        name: tenant === undefined ? `${rule.id} (no traffic)` : `${rule.id} [${tenantName(tenant)}]`,
        mine: found.filter((finding) => finding.rule === rule.id && finding.tenant === tenant),
      })),
    );
    const failed = cases.filter(({ mine }) => mine.length > 0).length;
    tests += cases.length;
    failures += failed;
    return [
      `  <testsuite name="${vendor}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">`,
      ...cases.map(({ name, mine }) => {
        const open = `    <testcase name="${xml(name)}" classname="enrichment-mock.conformance.${vendor}"`;
        return mine.length === 0 ? `${open}/>` : `${open}>\n${mine.map(failure).join('\n')}\n    </testcase>`;
      }),
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="enrichment-mock conformance" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
