import type { ReplayOptions } from '../server/replay/replay-session.js';
import type { CliIo } from './cli-io.js';
import { parseHarFileArgs } from './har-file-args.js';
import { readHarFile } from './read-har-file.js';

/**
 * `enrichment-mock replay FILE.har [--scenario S] [--seed N]`: replays a recorded journal against a fresh
 * mock and prints one line per difference. Exit code 0 when every response matched, 1 on any difference
 * (or when the HAR cannot be replayed), 2 on bad usage.
 *
 * @example
 * process.exitCode = await runReplay(['session.har'], io);
 */
export async function runReplay(args: string[], io: CliIo): Promise<number> {
  const parsed = parseHarFileArgs('replay', args, io, ['scenario', 'seed']);
  if (typeof parsed === 'number') return parsed;
  const { values, file } = parsed;
  const options: ReplayOptions = {};
  if (values.scenario !== undefined) options.scenario = values.scenario;
  if (values.seed !== undefined) {
    if (!/^\d+$/.test(values.seed) || !Number.isSafeInteger(Number(values.seed)))
      return io.usageError(`--seed must be a whole number >= 0, got "${values.seed}".`);
    options.seed = Number(values.seed);
  }

  const session = await readHarFile(file, io);
  if (typeof session === 'number') return session;
  // Loaded only now, so that bad usage fails fast.
  const { replaySession } = await import('../server/replay/replay-session.js');
  const report = await replaySession(session, options);
  if (!report.ok) return io.failure(report.message);

  for (const warning of report.warnings) io.err(`warning: ${warning}`);
  for (const { exchange, differences } of report.differences) {
    const label = `entry ${exchange.seq ?? exchange.index + 1} ${exchange.method} ${exchange.target}`;
    for (const difference of differences) io.out(`difference: ${label}: ${difference}`);
  }
  const count = report.differences.length;
  const skipped =
    report.skipped === 0
      ? ''
      : ` (${report.skipped} health/journal call${report.skipped === 1 ? '' : 's'} skipped)`;
  io.out(
    `replayed ${report.replayed} request${report.replayed === 1 ? '' : 's'}${skipped} against scenario ${report.scenario} (seed ${report.seed}): ` +
      (count === 0 ? 'no differences' : `${count} with differences`),
  );
  return count === 0 ? 0 : 1;
}
