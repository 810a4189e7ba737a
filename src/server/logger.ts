/** How much the server logs, from nothing to everything. */
export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/** A level a line can be written at (everything but `silent`). */
export type LineLevel = Exclude<LogLevel, 'silent'>;

/** Writes one JSON object per line, dropping lines below the chosen level. */
export interface Logger {
  /** Whether a line at `level` would be written. */
  enabled(level: LineLevel): boolean;
  log(level: LineLevel, message: string, fields?: Record<string, unknown>): void;
}

/** Whether `value` names a log level. */
export const isLogLevel = (value: string): value is LogLevel =>
  (LOG_LEVELS as readonly string[]).includes(value);

/**
 * Creates a structured logger: each line is `{"time", "level", "msg", ...fields}` as one JSON object, so
 * `jq` and log shippers read it as is. `time` is the wall clock.
 *
 * @example
 * const logger = createLogger('info', (line) => process.stdout.write(line));
 * logger.log('info', 'request', { method: 'GET', path: '/api/enrichments', status: 200 });
 */
export function createLogger(level: LogLevel, write: (line: string) => void): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const enabled = (lineLevel: LineLevel): boolean =>
    threshold > 0 && LOG_LEVELS.indexOf(lineLevel) <= threshold;
  return {
    enabled,
    log(lineLevel, message, fields = {}) {
      if (!enabled(lineLevel)) return;
      write(
        `${JSON.stringify({ time: new Date().toISOString(), level: lineLevel, msg: message, ...fields })}\n`,
      );
    },
  };
}
