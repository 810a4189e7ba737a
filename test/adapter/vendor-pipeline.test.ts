import { describe, expect, it } from 'vitest';
import { createHarness } from '../support/mock-harness.js';
import { tickingClock } from '../support/ticking-clock.js';

describe('the vendor pipeline', () => {
  it('reads the clock once per request and answers, headers and journals at that instant', async () => {
    const start = Date.parse('2026-01-05T09:00:00.000Z');
    const ticking = tickingClock(start);
    const harness = createHarness({ clock: ticking.clock, seed: 1502 });
    const call = (method: string, url: string, body?: unknown) =>
      harness.call(method, url, {
        headers: { 'x-api-key': 'sk_clock_once' },
        ...(body === undefined ? {} : { body }),
      });
    await call('GET', 'https://api.sendkit.ai/v1/leads'); // creates the scenario's world first
    for (const [method, url, body] of [
      ['GET', 'https://api.sendkit.ai/v1/leads', undefined],
      ['POST', 'https://api.sendkit.ai/v1/leads/enrich', { leadIds: [] }],
    ] as const) {
      const before = ticking.reads();
      const response = await call(method, url, body);
      expect(ticking.reads() - before).toBe(1);
      const instant = new Date(harness.mock.journal.entries().at(-1)?.virtualTime ?? '').getTime();
      expect(instant).toBe(ticking.reads() + start);
      // Sendkit's rate-limit window resets at the end of the minute of the same instant.
      expect(response.headers.get('x-ratelimit-reset')).toBe(String((Math.floor(instant / 60_000) + 1) * 60));
    }
  });
});
