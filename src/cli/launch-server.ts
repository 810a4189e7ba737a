import { writeFileSync } from 'node:fs';
import { createRealClock } from '../clock/real-clock.js';
import { formatForFile, formatReport } from '../conformance/format-report.js';
import { createVirtualClock } from '../core/clock.js';
import { formatProblems } from '../scenario/problem.js';
import { createLogger } from '../server/logger.js';
import { packageVersion } from '../server/package-version.js';
import { createScenarioRegistry, type SelectFailure } from '../server/scenario-registry.js';
import type { CliIo } from './cli-io.js';
import { loadHandlers } from './load-handlers.js';
import type { ServeOptions } from './serve-options.js';
import { watchScenarios } from './watch-scenarios.js';
import { startupBanner } from './startup-banner.js';

/** One line saying why a scenario cannot be served. */
function scenarioFailureLine(failure: SelectFailure, source: string): string {
  if (failure.code === 'not_found') return failure.message;
  return `Scenario "${source}" is invalid: ${formatProblems(source, failure.problems).split('\n').join('; ')}`;
}

const listenFailure = (error: unknown, options: ServeOptions): string => {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const where = `${options.host}:${options.port}`;
  if (code === 'EADDRINUSE')
    return `Cannot listen on ${where}: the port is already in use. Stop the other process or pick another --port (0 = any free port).`;
  if (code === 'EACCES') return `Cannot listen on ${where}: permission denied. Use a port above 1023.`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return `Cannot listen on ${where}: this machine has no such address. Check --host.`;
  return `Cannot listen on ${where}: ${error instanceof Error ? error.message : String(error)}`;
};

/**
 * Loads the scenario, listens, prints where (`startupBanner`), and shuts down gracefully on SIGINT/SIGTERM.
 * Resolves with the exit code once the server has stopped, or at once when it could not start.
 *
 * @example
 * process.exitCode = await launchServer(options, io);
 */
export async function launchServer(options: ServeOptions, io: CliIo): Promise<number> {
  const scenarios = createScenarioRegistry(options.seed === undefined ? {} : { seed: options.seed });
  const selected = scenarios.select(options.scenario);
  if (!selected.ok) return io.failure(scenarioFailureLine(selected, options.scenario));
  const { scenario } = selected;
  const clock =
    options.clock === 'virtual'
      ? createVirtualClock(scenario.startAtMs)
      : createRealClock({ speed: options.speed });
  const logger = createLogger({
    level: options.logLevel,
    format: options.logFormat ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    destination: process.stdout,
    colorize: process.stdout.isTTY,
  });

  const loaded = await loadHandlers(options.handlers);
  if (!loaded.ok) return io.failure(loaded.message);
  // The server (vendors, OpenAPI documents, msw) loads only once the scenario is known to be good.
  const { startServer } = await import('../server/start-server.js');
  let server;
  try {
    server = await startServer({
      host: options.host,
      port: options.port,
      scenario,
      scenarioSource: options.scenario,
      scenarios,
      clock,
      journalLimit: options.journalLimit,
      adminToken: options.adminToken,
      logger,
      version: packageVersion(),
      handlers: loaded.handlers,
    });
  } catch (error) {
    return io.failure(listenFailure(error, options));
  }
  const running = server;
  /** Writes the conformance report at shutdown; exit code 1 when the file cannot be written. */
  const writeReport = (file: string): number => {
    const report = running.report();
    try {
      writeFileSync(file, formatReport(report, formatForFile(file)));
    } catch (error) {
      return io.failure(`Cannot write the conformance report to ${file}: ${(error as Error).message}.`);
    }
    logger.info({ file, findings: report.findings.length }, 'conformance report written');
    return 0;
  };
  // Listen for signals before the banner names the port: a script that signals as soon as it reads the
  // port must find the handlers in place.
  const stopped = new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      stopWatching?.();
      logger.info({ signal }, 'shutting down');
      void running.close().then(() => {
        logger.info('stopped');
        resolve(options.report === undefined ? 0 : writeReport(options.report));
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const stopWatching = options.watch ? watchScenarios(scenarios, server.runtime, logger) : undefined;
  const banner = startupBanner({
    url: server.url,
    vendors: server.vendors,
    scenario,
    scenarioSource: options.scenario,
    clock: options.clock,
    speed: options.speed,
    adminToken: options.adminToken !== undefined,
  });
  for (const line of banner) io.out(line);
  return stopped;
}
