import { plural } from './plural.js';
import type { ConformanceReport } from './report.js';
import { toText } from './to-text.js';

/** Thrown by `mock.assertConformance()`: the client broke documented rules; `report` holds the findings. */
export class ConformanceError extends Error {
  constructor(readonly report: ConformanceReport) {
    super(
      `The client broke ${plural(report.findings.length, 'documented rule')} of the mocked APIs. Fix the client (each finding says how) or narrow the check (assertConformance({ severity: 'error' })):\n${toText(report)}`,
    );
    this.name = 'ConformanceError';
  }
}

/**
 * Throws a `ConformanceError` listing the findings when the report has any; returns it otherwise.
 *
 * @example
 * afterEach(() => assertConformance(mock.report()));
 */
export function assertConformance(report: ConformanceReport): ConformanceReport {
  if (report.findings.length > 0) throw new ConformanceError(report);
  return report;
}
