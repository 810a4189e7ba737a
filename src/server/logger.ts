import { pino, stdTimeFunctions, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { logLine } from './log-line.js';

/** How much the server logs, from nothing to everything. */
export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/** How log lines are written: one readable line each, or one JSON object each. */
export const LOG_FORMATS = ['pretty', 'json'] as const;

export type LogFormat = (typeof LOG_FORMATS)[number];

/** The server's logger: pino's (`logger.info(fields, 'request')`, `logger.isLevelEnabled('debug')`). */
export type Logger = PinoLogger;

/** Whether `value` names a log level. */
export const isLogLevel = (value: string): value is LogLevel =>
  (LOG_LEVELS as readonly string[]).includes(value);

/** Whether `value` names a log format. */
export const isLogFormat = (value: string): value is LogFormat =>
  (LOG_FORMATS as readonly string[]).includes(value);

export interface LoggerOptions {
  level: LogLevel;
  format: LogFormat;
  /** Where lines go (`process.stdout`, or anything with `write(line)`). */
  destination: DestinationStream;
  /** Pretty format only: colour the level (on a terminal). Default false. */
  colorize?: boolean;
}

/**
 * Creates the server's pino logger. `json` writes one object per line, `{"level":"info","time":"<ISO>",
 * ...fields,"msg":"request"}`, for `jq` and log shippers; `pretty` writes one line per event through
 * pino-pretty, `[12:00:00.123] INFO: 200 POST /api/enrichment 8.2ms puffle ...` (see `logLine`).
 * Exceptions go in the `err` field (pino's error serializer); `time` is the wall clock.
 *
 * @example
 * const logger = createLogger({ level: 'info', format: 'json', destination: process.stdout });
 * logger.info({ method: 'GET', path: '/api/enrichments', status: 200 }, 'request');
 */
export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    level: options.level,
    base: null,
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  if (options.format === 'json') return pino(settings, options.destination);
  const prettify = prettyFactory({
    colorize: options.colorize ?? false,
    translateTime: 'SYS:HH:MM:ss.l',
    hideObject: true,
    errorLikeObjectKeys: ['err'],
    messageFormat: (log, messageKey) => logLine(log, messageKey),
  });
  const { destination } = options;
  return pino(settings, {
    write: (line: string) => {
      destination.write(prettify(line));
    },
  });
}
