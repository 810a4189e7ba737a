import type { ConformanceReport } from './report.js';
import { toJunit } from './to-junit.js';
import { toText } from './to-text.js';

export type ReportFormat = 'text' | 'json' | 'junit';

/**
 * The report in one of its three forms: readable text, JSON, or JUnit XML.
 *
 * @example
 * formatReport(report, 'junit'); // '<?xml version="1.0" ...'
 */
export function formatReport(report: ConformanceReport, format: ReportFormat): string {
  if (format === 'junit') return toJunit(report);
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return `${toText(report)}\n`;
}

/** The format a report file's name asks for: `.xml` JUnit, anything else JSON. */
export const formatForFile = (path: string): ReportFormat => (/\.xml$/i.test(path) ? 'junit' : 'json');
