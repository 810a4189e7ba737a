import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createVendorPipeline } from '../adapter/vendor-pipeline.js';
import type { RequestHandler } from 'msw';
import { runtimeReport } from '../conformance/runtime-report.js';
import type { ConformanceReport, ReportFilter } from '../conformance/report.js';
import type { Clock } from '../core/clock.js';
import { createRuntime, type Runtime } from '../runtime/mock-runtime.js';
import type { Scenario, Vendor } from '../scenario/types.js';
import { createVendors } from '../vendors/registry.js';
import { createAdminApi } from './admin/admin-api.js';
import { createApp, type MountedVendor } from './create-app.js';
import type { Logger } from './logger.js';
import type { ScenarioRegistry } from './scenario-registry.js';
import { createServerWebhooks } from './server-webhooks.js';
import { createUserHandlers } from './user-handlers.js';

export interface ServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  scenario: Scenario;
  /** The scenario as given at start-up (name or path): written into HAR exports for `replay`. */
  scenarioSource: string;
  scenarios: ScenarioRegistry;
  clock: Clock;
  journalLimit: number;
  adminToken: string | undefined;
  logger: Logger;
  version: string;
  /** The user's own msw handlers (`serve --handlers`), served in front of the vendors. */
  handlers?: readonly RequestHandler[];
  /** How long shutdown waits for in-flight requests before closing every connection; default 10 s. */
  graceMs?: number;
}

export interface RunningServer {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  port: number;
  /** The vendors served, in routing order, with their path prefixes. */
  vendors: { vendor: Vendor; basePath: string }[];
  runtime: Runtime;
  /** The conformance report of every client so far (see docs/conformance.md). */
  report(): ConformanceReport;
  /** Stops accepting, lets in-flight requests finish, drops idle and hanging connections, then resolves. */
  close(): Promise<void>;
}

const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/**
 * Starts the standalone server: the three vendor APIs and the control API on one port.
 *
 * @example
 * const server = await startServer({ host: '127.0.0.1', port: 4010, scenario, scenarioSource: 'default', scenarios, clock, journalLimit: 10_000, adminToken: undefined, logger, version });
 * await server.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const started = performance.now();
  const runtime = createRuntime({
    scenario: options.scenario,
    resolveScenario: (name) => options.scenarios.resolve(name),
    clock: options.clock,
    journalLimit: options.journalLimit,
  });
  const definitions = createVendors();
  const webhooks = createServerWebhooks(runtime, definitions, options.logger);
  const vendors: MountedVendor[] = definitions.map((definition) => ({
    vendor: definition.vendor,
    basePath: definition.basePath,
    answer: createVendorPipeline(definition, runtime),
  }));
  const report = (filter?: ReportFilter): ConformanceReport => runtimeReport(runtime, definitions, filter);
  const hanging = new Set<Socket>();
  let closing = false;
  const recording = { scenario: options.scenarioSource, seed: options.scenario.seed, baseUrl: '' };
  const admin = createAdminApi({
    runtime,
    scenarios: options.scenarios,
    version: options.version,
    uptimeMs: () => performance.now() - started,
    recording,
    moveClock: webhooks.moveClock,
    report,
    describeRun: (context, run) =>
      definitions.find(({ vendor }) => vendor === run.vendor)?.describeRun(context, run) ?? null,
  });
  const app = createApp({
    runtime,
    admin,
    vendors,
    ...(options.handlers?.length ? { userHandlers: createUserHandlers(options.handlers) } : {}),
    adminToken: options.adminToken,
    logger: options.logger,
    delivery: { hanging, closing: () => closing },
  });
  const server = createServer(app);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost(options.host)}:${port}`;
  recording.baseUrl = url;

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= Promise.all([
      webhooks.stop(),
      new Promise<void>((resolve) => {
        closing = true;
        const force = setTimeout(() => {
          server.closeAllConnections();
        }, options.graceMs ?? 10_000);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
        for (const socket of hanging) socket.destroy();
        // A connection whose response is still in flight closes after it (deliver sends `connection: close`).
      }),
    ]).then(() => undefined);
    return closed;
  };
  return {
    url,
    port,
    vendors: definitions.map(({ vendor, basePath }) => ({ vendor, basePath })),
    runtime,
    report,
    close,
  };
}
