import { getResponse } from 'msw';
import type { Clock, VirtualClock } from '../../src/core/clock.js';
import {
  createEnrichmentMock,
  type EnrichmentMock,
  type EnrichmentMockOptions,
} from '../../src/mock/create-enrichment-mock.js';
import type { Runtime, ScenarioContext } from '../../src/runtime/mock-runtime.js';
import { parseJsonText } from './json-text.js';

export interface CallOptions {
  headers?: Record<string, string>;
  body?: unknown;
  /** A raw body sent as is (for malformed input). */
  rawBody?: string;
}

/**
 * A mock driven through msw's `getResponse`: real Request/Response objects, no network, no global fetch
 * patching, so tests run in parallel.
 */
function harnessOf<C extends Clock>(mock: EnrichmentMock<C>) {
  const { clock } = mock;
  const call = async (method: string, url: string, init: CallOptions = {}) => {
    const headers = new Headers(init.headers);
    let body: string | undefined;
    if (init.rawBody !== undefined) body = init.rawBody;
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const response = await getResponse(
      mock.handlers,
      new Request(url, { method, headers, ...(body === undefined ? {} : { body }) }),
    );
    if (!response) throw new Error(`No handler answered ${method} ${url}`);
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON freely
    return { status: response.status, headers: response.headers, text, json: parseJsonText(text) as any };
  };
  return { mock, clock, call };
}

export type Harness<C extends Clock = VirtualClock> = ReturnType<typeof harnessOf<C>>;

export function createHarness<C extends Clock>(options: EnrichmentMockOptions<C> & { clock: C }): Harness<C>;
export function createHarness(options?: EnrichmentMockOptions): Harness;
export function createHarness(options: EnrichmentMockOptions<Clock> = {}): Harness<Clock> {
  const { clock, ...rest } = options;
  return harnessOf<Clock>(clock ? createEnrichmentMock({ ...rest, clock }) : createEnrichmentMock(rest));
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
