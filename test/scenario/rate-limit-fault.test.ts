import { afterEach, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../src/scenario/types.js';
import { createHarness } from '../support/mock-harness.js';
import { scenarioWithFaults } from '../support/scenario-variants.js';
import { startTestServer, type TestServer } from '../server/support/in-process-server.js';

const KEY = { 'x-api-key': 'sk_rate_limit_1' };
/** A 429 on every call of one Sendkit operation, with the scenario's Retry-After or the default. */
const throttled = (operation: string, retryAfterSeconds?: number): FaultRule => ({
  name: `${operation}-429`,
  match: { vendor: 'sendkit', operation },
  effect: { type: 'status', status: 429, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) },
});
const scenario = scenarioWithFaults('sendkit-rate-limited', [
  throttled('sendkitListLeads', 30),
  throttled('sendkitGetEnrichmentJob'),
]);

type Call = (path: string) => Promise<{ status: number; headers: Headers }>;

let server: TestServer | undefined;
afterEach(async () => server?.close());

const adapters: [string, () => Promise<{ call: Call; nowSeconds: () => number }>][] = [
  [
    'in process',
    async () => {
      const harness = createHarness({ scenario, seed: 901 });
      return {
        call: (path) => harness.call('GET', `https://api.sendkit.ai${path}`, { headers: KEY }),
        nowSeconds: () => harness.clock.now() / 1_000,
      };
    },
  ],
  [
    'server',
    async () => {
      const started = await startTestServer({ scenario, seed: 901 });
      server = started;
      return {
        call: (path) => started.call('GET', path, { headers: KEY }),
        nowSeconds: () => started.clock.now() / 1_000,
      };
    },
  ],
];

describe.each(adapters)('sendkit: an injected 429 (%s)', (_name, open) => {
  it('says 0 remaining and resets when its Retry-After runs out', async () => {
    const { call, nowSeconds } = await open();
    const limited = await call('/v1/leads');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('100');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-ratelimit-reset')) - nowSeconds()).toBe(30);
  });

  it('agrees with the default Retry-After of a fault that names none', async () => {
    const { call, nowSeconds } = await open();
    const limited = await call('/v1/enrichment/jobs/bulk_email_verification_1_abcdefg');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-ratelimit-reset')) - nowSeconds()).toBe(
      Number(limited.headers.get('retry-after')),
    );
  });
});
