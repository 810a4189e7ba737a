import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from '../scenario/suggest.js';

/** A command line parsed: `--help` asked for, the command's options, or one sentence saying what is wrong. */
export type CliParse<T> =
  { ok: true; help: true } | { ok: true; help: false; value: T } | { ok: false; message: string };

const isParseArgsError = (error: unknown): error is Error & { code: string } =>
  error instanceof Error &&
  'code' in error &&
  typeof error.code === 'string' &&
  error.code.startsWith('ERR_PARSE_ARGS');

/**
 * Runs `node:util` `parseArgs` (strict) and turns its errors (unknown flag, missing value, stray argument)
 * into one sentence, suggesting the closest of the config's flags for a typo.
 *
 * @example
 * const parsed = parseCliArgs({ args, allowPositionals: false, options: { port: { type: 'string' } } });
 * if (!parsed.ok) fail(parsed.message); // "Unknown option '--prot' (did you mean --port?)."
 */
export function parseCliArgs<Config extends ParseArgsConfig & { options: object }>(
  config: Config,
):
  | { ok: true; value: ReturnType<typeof parseArgs<Config & { strict: true }>> }
  | { ok: false; message: string } {
  try {
    return { ok: true, value: parseArgs({ ...config, strict: true }) };
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    const sentence = (/^[^]*?\.(?=\s|$)/.exec(error.message)?.[0] ?? error.message)
      .replace(/\s+/g, ' ')
      .replace(/\.$/, '');
    const unknown =
      error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'--?([^']+)'/.exec(sentence)?.[1] : undefined;
    const suggestion = unknown === undefined ? undefined : closest(unknown, Object.keys(config.options));
    return {
      ok: false,
      message: `${sentence}${suggestion === undefined ? '' : ` (did you mean --${suggestion}?)`}.`,
    };
  }
}
