import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './cli-io.js';
import { HELP } from './help.js';
import { parseCliArgs } from './parse-cli-args.js';

/**
 * Parses the command line of a command that takes exactly one HAR file and string flags (`report`,
 * `replay`): prints the help for `--help` (exit code 0) and reports bad usage (exit code 2), or gives the
 * flags that were set and the file.
 *
 * @example
 * const parsed = parseHarFileArgs('report', args, io, ['format']);
 * if (typeof parsed === 'number') return parsed;
 * parsed.values.format; // 'junit' for `report session.har --format junit`
 */
export function parseHarFileArgs<Flag extends string>(
  command: 'report' | 'replay',
  args: string[],
  io: CliIo,
  flags: readonly Flag[],
): { values: Partial<Record<Flag, string>>; file: string } | number {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const flag of flags) options[flag] = { type: 'string' };
  const parsed = parseCliArgs({ args, allowPositionals: true, options });
  if (!parsed.ok) return io.usageError(parsed.message);
  const { values: given, positionals } = parsed.value;
  if (given['help'] === true) {
    io.out(HELP);
    return 0;
  }
  const [file] = positionals;
  if (positionals.length !== 1 || file === undefined)
    return io.usageError(`${command} takes exactly one HAR file: enrichment-mock ${command} FILE.har.`);
  const values: Partial<Record<Flag, string>> = {};
  for (const flag of flags) {
    const value = given[flag];
    if (typeof value === 'string') values[flag] = value;
  }
  return { values, file };
}
