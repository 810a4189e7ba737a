import type { ReportFormat } from '../conformance/format-report.js';
import type { CliIo } from './cli-io.js';
import { parseHarFileArgs } from './har-file-args.js';
import { readHarFile } from './read-har-file.js';

const FORMATS: readonly ReportFormat[] = ['text', 'json', 'junit'];

/**
 * `enrichment-mock report FILE.har [--format text|json|junit]`: judges a recorded journal against the
 * vendors' client rules and prints the report. Exit code 1 when there are `error` findings (or the HAR
 * cannot be read), 0 otherwise, 2 on bad usage.
 *
 * @example
 * process.exitCode = await runReport(['session.har', '--format', 'junit'], io);
 */
export async function runReport(args: string[], io: CliIo): Promise<number> {
  const parsed = parseHarFileArgs('report', args, io, ['format']);
  if (typeof parsed === 'number') return parsed;
  const { values, file } = parsed;
  const format = FORMATS.find((known) => known === (values.format ?? 'text'));
  if (format === undefined)
    return io.usageError(`--format must be one of ${FORMATS.join(', ')}, got "${String(values.format)}".`);
  const session = await readHarFile(file, io);
  if (typeof session === 'number') return session;
  // Loaded only now, so that bad usage fails fast.
  const { harReport } = await import('../conformance/har-report.js');
  const { formatReport } = await import('../conformance/format-report.js');
  const report = harReport(session);
  io.out(formatReport(report, format).replace(/\n$/, ''));
  return report.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}
