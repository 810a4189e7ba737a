import type { ReportFormat } from '../conformance/format-report.js';
import type { CliIo } from './cli-io.js';
import { HELP } from './help.js';
import { parseCliArgs } from './parse-cli-args.js';
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
  const parsed = parseCliArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (!parsed.ok) return io.usageError(parsed.message);
  const { values, positionals } = parsed.value;
  if (values.help === true) {
    io.out(HELP);
    return 0;
  }
  if (positionals.length !== 1)
    return io.usageError('report takes exactly one HAR file: enrichment-mock report FILE.har.');
  const format = (values.format ?? 'text') as ReportFormat;
  if (!FORMATS.includes(format))
    return io.usageError(`--format must be one of ${FORMATS.join(', ')}, got "${String(values.format)}".`);
  const session = await readHarFile(positionals[0] as string, io);
  if (typeof session === 'number') return session;
  // Loaded only now, so that bad usage fails fast.
  const { harReport } = await import('../conformance/har-report.js');
  const { formatReport } = await import('../conformance/format-report.js');
  const report = harReport(session);
  io.out(formatReport(report, format).replace(/\n$/, ''));
  return report.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}
