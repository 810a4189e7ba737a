import { getResponse } from 'msw';
import { createEnrichmentMock, type EnrichmentMockOptions } from '../../src/mock/create-enrichment-mock.js';
import type { VirtualClock } from '../../src/core/clock.js';

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
export function createHarness(options: EnrichmentMockOptions = {}) {
  const mock = createEnrichmentMock(options);
  const clock = mock.clock as VirtualClock;
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
    let json: unknown;
    try {
      json = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      json = undefined;
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON freely
    return { status: response.status, headers: response.headers, text, json: json as any };
  };
  return { mock, clock, call };
}

/**
 * A harness on `scenario` with a vendor client for `key`, plus views of that key's credits and of every
 * live run (test setup shared by the vendor suites).
 */
export function setupWithClient<Client>(
  scenario: EnrichmentMockOptions['scenario'],
  seed: number,
  key: string,
  makeClient: (harness: ReturnType<typeof createHarness>, key: string) => Client,
) {
  const harness = createHarness({ ...(scenario === undefined ? {} : { scenario }), seed });
  const simulator = () => {
    const context = harness.mock.runtime.context();
    if (!context) throw new Error('The harness has no active scenario context');
    return context.simulator;
  };
  return {
    harness,
    client: makeClient(harness, key),
    credits: (of = key) => simulator().tenant(of).credits,
    runs: () => simulator().allRuns(),
  };
}
