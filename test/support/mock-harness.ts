import { getResponse } from 'msw';
import type { Clock, VirtualClock } from '../../src/core/clock.js';
import {
  createEnrichmentMock,
  type EnrichmentMock,
  type EnrichmentMockOptions,
} from '../../src/mock/create-enrichment-mock.js';
import type { Runtime, ScenarioContext } from '../../src/runtime/mock-runtime.js';
import { startTestServer } from '../server/support/in-process-server.js';
import { toInit, toResult, type CallOptions, type CallResult } from './json-call.js';

/** How a suite reaches the mock: msw's handlers in this process, or the standalone server over a socket. */
export type Transport = 'in-process' | 'server';
export const TRANSPORTS: readonly Transport[] = ['in-process', 'server'];

/** What a suite run through either transport sees: calls, the clock (virtual by default) and the runtime. */
export interface TransportHarness<C extends Clock = VirtualClock> {
  transport: Transport;
  /** Calls the mock at a vendor URL (`https://app.puffle.ai/api/...`); the server takes its path and query. */
  call(method: string, url: string, init?: CallOptions): Promise<CallResult>;
  clock: C;
  runtime: Runtime;
}

/** What reaches both transports of `openHarness`. */
type OpenOptions = Pick<EnrichmentMockOptions, 'scenario' | 'seed'>;
/** A harness from `openHarness`; `close` stops its server. */
export type OpenHarness<C extends Clock = VirtualClock> = TransportHarness<C> & { close(): Promise<void> };

/** How long a server call waits before it counts as a hang (the network error in-process gives at once). */
const HANG_MS = 1_000;

/**
 * A mock driven through msw's `getResponse`: real Request/Response objects, no network, no global fetch
 * patching, so tests run in parallel.
 */
function harnessOf<C extends Clock>(mock: EnrichmentMock<C>) {
  const { clock } = mock;
  const call = async (method: string, url: string, init: CallOptions = {}): Promise<CallResult> => {
    const response = await getResponse(mock.handlers, new Request(url, toInit(method, init)));
    if (!response) throw new Error(`No handler answered ${method} ${url}`);
    return toResult(response);
  };
  return { transport: 'in-process' as const, mock, clock, call, runtime: mock.runtime };
}

export type Harness<C extends Clock = VirtualClock> = ReturnType<typeof harnessOf<C>>;

export function createHarness<C extends Clock>(options: EnrichmentMockOptions<C> & { clock: C }): Harness<C>;
export function createHarness(options?: EnrichmentMockOptions): Harness;
export function createHarness(options: EnrichmentMockOptions<Clock> = {}): Harness<Clock> {
  const { clock, ...rest } = options;
  return harnessOf<Clock>(clock ? createEnrichmentMock({ ...rest, clock }) : createEnrichmentMock(rest));
}

/**
 * A harness on `transport` (one suite, run through both, as hono runs one suite per router); `close`
 * stops the server. Only `scenario`, `seed` and `clock` (default a virtual one) reach the server.
 *
 * @example
 * const harness = await openHarness('server', { scenario: 'default', seed: 7 });
 * await harness.call('GET', 'https://app.puffle.ai/api/enrichments');
 * await harness.close();
 */
export async function openHarness<C extends Clock>(
  transport: Transport,
  options: OpenOptions & { clock: C },
): Promise<OpenHarness<C>>;
export async function openHarness(transport: Transport, options: OpenOptions): Promise<OpenHarness>;
export async function openHarness(
  transport: Transport,
  options: OpenOptions & { clock?: Clock },
): Promise<OpenHarness<Clock>> {
  if (transport === 'in-process') {
    const { clock, ...rest } = options;
    const harness = clock ? createHarness({ ...rest, clock }) : createHarness(rest);
    return { ...harness, close: () => Promise.resolve() };
  }
  const server = await startTestServer(options);
  const call = async (method: string, url: string, init: CallOptions = {}): Promise<CallResult> => {
    const { pathname, search } = new URL(url);
    const signal = AbortSignal.timeout(HANG_MS);
    try {
      return await toResult(
        await fetch(`${server.url}${pathname}${search}`, { ...toInit(method, init), signal }),
      );
    } catch {
      // A reset or a hang played on the socket: the same network error the in-process handler gives.
      return toResult(Response.error());
    }
  };
  const clock = options.clock ?? server.virtual();
  return { transport, call, clock, runtime: server.runtime, close: () => server.close() };
}

/**
 * The context (simulator, fault counters) of the active scenario of anything with a runtime (a mock, a
 * server, a fixture host); throws when the runtime has none.
 *
 * @example
 * contextOf(harness.mock).simulator.tenant('pk_live_test').credits;
 */
export function contextOf(owner: { runtime: Runtime }): ScenarioContext {
  const context = owner.runtime.context();
  if (!context)
    throw new Error(`The runtime has no context for its active scenario "${owner.runtime.active.name}".`);
  return context;
}

/**
 * A harness on `scenario` with a vendor client for `key`, plus views of that key's credits and of every
 * live run (test setup shared by the vendor suites).
 */
export function setupWithClient<Client>(
  scenario: EnrichmentMockOptions['scenario'],
  seed: number,
  key: string,
  makeClient: (harness: Harness, key: string) => Client,
) {
  const harness = createHarness({ ...(scenario === undefined ? {} : { scenario }), seed });
  const simulator = () => contextOf(harness.mock).simulator;
  return {
    harness,
    client: makeClient(harness, key),
    credits: (of = key) => simulator().tenant(of).credits,
    runs: () => simulator().allRuns(),
  };
}
