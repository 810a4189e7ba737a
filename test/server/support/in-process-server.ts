import { createVirtualClock, type Clock, type VirtualClock } from '../../../src/core/clock.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { createLogger } from '../../../src/server/logger.js';
import { createScenarioRegistry } from '../../../src/server/scenario-registry.js';
import { startServer, type RunningServer, type ServerOptions } from '../../../src/server/start-server.js';
import { toInit, toResult, type CallOptions, type CallResult } from '../../support/json-call.js';

export interface TestServerOptions {
  scenario?: string | Scenario;
  seed?: number;
  clock?: Clock;
  journalLimit?: number;
  adminToken?: string;
  /** The version the server reports (default `0.0.0-test`). */
  version?: string;
  /** How long `close()` waits for open connections before dropping them (the server's default otherwise). */
  graceMs?: number;
  /** Where the server's log lines go, at `info` (default: nowhere, silent). */
  logTo?: { write(line: string): void };
  /** The user's own msw handlers (`serve --handlers`), served in front of the vendors. */
  handlers?: ServerOptions['handlers'];
}

export interface TestServer extends RunningServer {
  clock: Clock;
  /** The virtual clock (throws when the server runs on a real one). */
  virtual(): VirtualClock;
  /** `fetch` against the server, JSON in and out. */
  call(method: string, path: string, init?: CallOptions): Promise<CallResult>;
}

/** The server in this test process (real sockets, port 0, silent logs): quicker than the CLI for most cases. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const scenarios = createScenarioRegistry(options.seed === undefined ? {} : { seed: options.seed });
  let scenario: Scenario;
  if (typeof options.scenario === 'object')
    scenario = options.seed === undefined ? options.scenario : { ...options.scenario, seed: options.seed };
  else {
    const loaded = loadScenario(
      options.scenario ?? 'default',
      options.seed === undefined ? {} : { seed: options.seed },
    );
    if (!loaded.ok)
      throw new Error(`Cannot load scenario ${options.scenario}: ${JSON.stringify(loaded.problems)}`);
    scenario = loaded.scenario;
  }
  const clock = options.clock ?? createVirtualClock(scenario.startAtMs);
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    scenario,
    scenarioSource: typeof options.scenario === 'string' ? options.scenario : scenario.name,
    scenarios,
    clock,
    journalLimit: options.journalLimit ?? 10_000,
    adminToken: options.adminToken,
    logger: options.logTo
      ? createLogger({ level: 'info', format: 'json', destination: options.logTo })
      : createLogger({ level: 'silent', format: 'json', destination: { write: () => undefined } }),
    version: options.version ?? '0.0.0-test',
    ...(options.graceMs === undefined ? {} : { graceMs: options.graceMs }),
    ...(options.handlers === undefined ? {} : { handlers: options.handlers }),
  });
  return {
    ...server,
    clock,
    virtual() {
      if (clock.mode !== 'virtual') throw new Error('This test server runs on a real clock.');
      return clock as VirtualClock;
    },
    async call(method, path, init = {}) {
      return toResult(await fetch(`${server.url}${path}`, toInit(method, init)));
    },
  };
}
