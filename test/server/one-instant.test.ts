import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/core/clock.js';
import type { CallOptions } from '../support/json-call.js';
import { openHarness, TRANSPORTS, type OpenHarness } from '../support/mock-harness.js';
import { tickingClock } from '../support/ticking-clock.js';
import { EMAIL, websetBody } from '../vendors/exa/exa-api.js';

const EXA = { 'x-api-key': 'exa_one_instant' };
const WEBSET = websetBody(5, [EMAIL]);

describe.each(TRANSPORTS)(
  'one instant per request, on a clock that ticks on every read (%s)',
  (transport) => {
    let harness: OpenHarness<Clock> | undefined;
    afterEach(async () => harness?.close());

    /** A harness on `clock`; `timerReads` is how many reads a background timer may add during one request. */
    const open = async (clock: Clock) => {
      const opened = await openHarness(transport, { seed: 1313, clock });
      harness = opened;
      return {
        call: (method: string, path: string, init?: CallOptions) =>
          opened.call(method, `https://api.exa.ai${path}`, init),
        journal: opened.runtime.journal,
        // The server's webhook delivery timer reads a real clock on its own.
        timerReads: transport === 'server' ? 1 : 0,
      };
    };

    it('answers an Exa cancel with the state after the cancel, stamped with the instant it journals', async () => {
      const ticking = tickingClock();
      const { call, journal } = await open(ticking.clock);
      for (let attempt = 0; attempt < 13; attempt += 1) {
        const webset = await call('POST', '/websets/v0/websets', { headers: EXA, body: WEBSET });
        expect(webset.status).toBe(201);
        const enrichment = webset.json.enrichments[0];
        const path = `/websets/v0/websets/${webset.json.id}/enrichments/${enrichment.id}/cancel`;
        const cancelled = await call('POST', path, { headers: EXA });
        const entry = journal.entries({ vendor: 'exa' }).at(-1);
        expect(entry?.request.path).toBe(path);
        expect(cancelled.status).toBe(200);
        expect(cancelled.json).toMatchObject({
          id: enrichment.id,
          status: 'canceled',
          updatedAt: entry?.virtualTime,
        });
        expect(Date.parse(cancelled.json.updatedAt)).toBeGreaterThan(Date.parse(webset.json.createdAt));
      }
    });

    it('reads the clock once for a vendor request', async () => {
      const ticking = tickingClock();
      const { call, timerReads } = await open(ticking.clock);
      const webset = await call('POST', '/websets/v0/websets', { headers: EXA, body: WEBSET });
      const before = ticking.reads();
      await call('GET', `/websets/v0/websets/${webset.json.id}?expand=items`, { headers: EXA });
      expect(ticking.reads() - before).toBeGreaterThanOrEqual(1);
      expect(ticking.reads() - before).toBeLessThanOrEqual(1 + timerReads);
    });
  },
);
