import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/core/clock.js';
import { createEnrichmentMock } from '../../src/mock/create-enrichment-mock.js';

/** A clock that moves on every reading, and counts them: any second reading in a request shows. */
function movingClock(start: number): Clock & { reads: number } {
  let now = start;
  return {
    mode: 'real',
    reads: 0,
    now() {
      this.reads += 1;
      now += 1;
      return now;
    },
  };
}

describe('the vendor pipeline', () => {
  it('reads the clock once per request and answers, headers and journals at that instant', async () => {
    const clock = movingClock(Date.parse('2026-01-05T09:00:00.000Z'));
    const mock = createEnrichmentMock({ clock, seed: 1502 });
    const call = (method: string, url: string, body?: unknown) =>
      getResponse(
        mock.handlers,
        new Request(url, {
          method,
          headers: { 'x-api-key': 'sk_clock_once', 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
    await call('GET', 'https://api.sendkit.ai/v1/leads'); // creates the scenario's world first
    for (const [method, url, body] of [
      ['GET', 'https://api.sendkit.ai/v1/leads', undefined],
      ['POST', 'https://api.sendkit.ai/v1/leads/enrich', { leadIds: [] }],
    ] as const) {
      const before = clock.reads;
      const response = await call(method, url, body);
      expect(clock.reads - before).toBe(1);
      const instant = new Date(mock.journal.entries().at(-1)?.virtualTime ?? '').getTime();
      expect(instant).toBe(clock.reads + Date.parse('2026-01-05T09:00:00.000Z'));
      // Sendkit's rate-limit window resets at the end of the minute of the same instant.
      expect(response?.headers.get('x-ratelimit-reset')).toBe(
        String((Math.floor(instant / 60_000) + 1) * 60),
      );
    }
  });
});
