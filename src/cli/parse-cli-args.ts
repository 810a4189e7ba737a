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
 * Runs `node:util` `parseArgs` and turns its errors (unknown flag, missing value, stray argument) into one
 * sentence, suggesting the closest known flag for a typo.
 *
 * @example
 * const parsed = parseCliArgs(() => parseArgs({ args, options }), Object.keys(options));
 * if (!parsed.ok) fail(parsed.message); // "Unknown option '--prot' (did you mean --port?)."
 */
export function parseCliArgs<T>(
  parse: () => T,
  flags: readonly string[],
): { ok: true; value: T } | { ok: false; message: string } {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    const sentence = (/^[^]*?\.(?=\s|$)/.exec(error.message)?.[0] ?? error.message)
      .replace(/\s+/g, ' ')
      .replace(/\.$/, '');
    const unknown =
      error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'--?([^']+)'/.exec(sentence)?.[1] : undefined;
    const suggestion = unknown === undefined ? undefined : closest(unknown, flags);
    return {
      ok: false,
      message: `${sentence}${suggestion === undefined ? '' : ` (did you mean --${suggestion}?)`}.`,
    };
  }
}
