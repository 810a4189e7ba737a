import { afterEach, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../src/scenario/types.js';
import { openHarness, TRANSPORTS, type OpenHarness } from '../support/mock-harness.js';
import { scenarioWithFaults } from '../support/scenario-variants.js';

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

describe.each(TRANSPORTS)('sendkit: an injected 429 (%s)', (transport) => {
  let harness: OpenHarness | undefined;
  afterEach(async () => harness?.close());

  const open = async () => {
    const opened = await openHarness(transport, { scenario, seed: 901 });
    harness = opened;
    return {
      call: (path: string) => opened.call('GET', `https://api.sendkit.ai${path}`, { headers: KEY }),
      nowSeconds: () => opened.clock.now() / 1_000,
    };
  };

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
