import {
  isLogFormat,
  isLogLevel,
  LOG_FORMATS,
  LOG_LEVELS,
  type LogFormat,
  type LogLevel,
} from '../server/logger.js';
import { parseCliArgs, type CliParse } from './parse-cli-args.js';

/** Everything `enrichment-mock serve` needs, after flags and environment variables are merged. */
export interface ServeOptions {
  host: string;
  port: number;
  /** A built-in scenario name or a path to a scenario file. */
  scenario: string;
  seed: number | undefined;
  clock: 'real' | 'virtual';
  /** Real-clock speed-up (1 = real time). */
  speed: number;
  journalLimit: number;
  adminToken: string | undefined;
  logLevel: LogLevel;
  /** Re-read the scenario files in use when they change (`--watch`). */
  watch: boolean;
  /** Undefined: pretty on a terminal, JSON otherwise. */
  logFormat: LogFormat | undefined;
  /** Modules whose default export is an array of msw handlers, served in front of the vendors (`--handlers`). */
  handlers: string[];
  /** Where to write the conformance report at shutdown (`--report`): `.xml` JUnit, `.json` JSON. */
  report: string | undefined;
}

/** The flags of `serve`, each with the environment variable that sets it when the flag is absent. */
const FLAGS = {
  port: 'ENRICHMENT_MOCK_PORT',
  host: 'ENRICHMENT_MOCK_HOST',
  scenario: 'ENRICHMENT_MOCK_SCENARIO',
  seed: 'ENRICHMENT_MOCK_SEED',
  clock: 'ENRICHMENT_MOCK_CLOCK',
  speed: 'ENRICHMENT_MOCK_SPEED',
  'journal-limit': 'ENRICHMENT_MOCK_JOURNAL_LIMIT',
  'admin-token': 'ENRICHMENT_MOCK_ADMIN_TOKEN',
  'log-level': 'ENRICHMENT_MOCK_LOG_LEVEL',
  'log-format': 'ENRICHMENT_MOCK_LOG_FORMAT',
  report: 'ENRICHMENT_MOCK_REPORT',
} as const;

type Flag = keyof typeof FLAGS;

const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  port: 4010,
  scenario: 'default',
  clock: 'real',
  speed: 1,
  journalLimit: 10_000,
  logLevel: 'info',
} as const;

/** Whether `host` only accepts connections from this machine. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(bare);
}

class OptionError extends Error {}

/** A whole number within bounds, or an error naming where the value came from. */
function wholeNumber(value: string, where: string, min: number, max: number, what: string): number {
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max)
    throw new OptionError(`${where} must be ${what} (a whole number from ${min} to ${max}), got "${value}".`);
  return number;
}

/**
 * Parses the arguments of `serve` (after the command word) and the environment: a flag wins over its
 * environment variable, which wins over the default. Every problem is one sentence naming the flag or
 * variable at fault.
 *
 * @example
 * parseServeOptions(['--port', '0', '--clock', 'virtual'], process.env);
 * // { ok: true, help: false, options: { port: 0, clock: 'virtual', host: '127.0.0.1', ... } }
 */
export function parseServeOptions(args: string[], env: NodeJS.ProcessEnv): CliParse<ServeOptions> {
  const parsed = parseCliArgs({
    args,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      scenario: { type: 'string' },
      seed: { type: 'string' },
      clock: { type: 'string' },
      speed: { type: 'string' },
      'journal-limit': { type: 'string' },
      'admin-token': { type: 'string' },
      'log-level': { type: 'string' },
      watch: { type: 'boolean' },
      'log-format': { type: 'string' },
      handlers: { type: 'string', multiple: true },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (!parsed.ok) return parsed;
  const { values } = parsed.value;
  if (values.help === true) return { ok: true, help: true };

  /** The value of a flag, else of its variable (empty counts as unset), with where it came from. */
  const read = (flag: Flag): { value: string; where: string } | undefined => {
    const given = values[flag];
    if (typeof given === 'string') return { value: given, where: `--${flag}` };
    const fromEnv = env[FLAGS[flag]];
    return fromEnv === undefined || fromEnv === '' ? undefined : { value: fromEnv, where: FLAGS[flag] };
  };
  try {
    const port = read('port');
    const seed = read('seed');
    const clock = read('clock');
    const speed = read('speed');
    const journalLimit = read('journal-limit');
    const logLevel = read('log-level');
    const logFormat = read('log-format');
    const options: ServeOptions = {
      host: read('host')?.value ?? SERVE_DEFAULTS.host,
      port: port ? wholeNumber(port.value, port.where, 0, 65_535, 'a port number') : SERVE_DEFAULTS.port,
      scenario: read('scenario')?.value ?? SERVE_DEFAULTS.scenario,
      seed: seed ? wholeNumber(seed.value, seed.where, 0, Number.MAX_SAFE_INTEGER, 'a seed') : undefined,
      clock: SERVE_DEFAULTS.clock,
      speed: SERVE_DEFAULTS.speed,
      journalLimit: journalLimit
        ? wholeNumber(journalLimit.value, journalLimit.where, 1, 10_000_000, 'a journal size')
        : SERVE_DEFAULTS.journalLimit,
      adminToken: read('admin-token')?.value,
      logLevel: SERVE_DEFAULTS.logLevel,
      watch: values.watch === true,
      logFormat: undefined,
      handlers: values.handlers ?? [],
      report: undefined,
    };
    const report = read('report');
    if (report) {
      if (!/\.(xml|json)$/i.test(report.value))
        throw new OptionError(
          `${report.where} must name a .xml (JUnit) or .json file, got "${report.value}".`,
        );
      options.report = report.value;
    }
    if (clock) {
      if (clock.value !== 'real' && clock.value !== 'virtual')
        throw new OptionError(`${clock.where} must be "real" or "virtual", got "${clock.value}".`);
      options.clock = clock.value;
    }
    if (speed) {
      options.speed = /^\d+(\.\d+)?$/.test(speed.value) ? Number(speed.value) : NaN;
      if (!(options.speed > 0) || !Number.isFinite(options.speed))
        throw new OptionError(
          `${speed.where} must be a number > 0 (2 = twice real time), got "${speed.value}".`,
        );
      if (options.clock === 'virtual')
        throw new OptionError(
          `${speed.where} speeds up the real clock only; a virtual clock moves when advanced (POST /__admin/clock/advance). Drop it or use --clock real.`,
        );
    }
    if (logLevel) {
      if (!isLogLevel(logLevel.value))
        throw new OptionError(
          `${logLevel.where} must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel.value}".`,
        );
      options.logLevel = logLevel.value;
    }
    if (logFormat) {
      if (!isLogFormat(logFormat.value))
        throw new OptionError(
          `${logFormat.where} must be ${LOG_FORMATS.map((format) => `"${format}"`).join(' or ')} (the default is pretty on a terminal, json otherwise), got "${logFormat.value}".`,
        );
      options.logFormat = logFormat.value;
    }
    if (options.host === '')
      throw new OptionError('--host must not be empty: give an address such as 127.0.0.1.');
    if (!isLoopback(options.host) && options.adminToken === undefined) {
      throw new OptionError(
        `--host ${options.host} is reachable from other machines, so the control API needs a token: set --admin-token (or ${FLAGS['admin-token']}), or bind to 127.0.0.1.`,
      );
    }
    return { ok: true, help: false, value: options };
  } catch (error) {
    if (error instanceof OptionError) return { ok: false, message: error.message };
    throw error;
  }
}
