import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/core/clock.js';
import type { Journal } from '../../src/runtime/journal.js';
import type { CallOptions } from '../support/json-call.js';
import { createHarness } from '../support/mock-harness.js';
import { EMAIL, websetBody } from '../vendors/exa/exa-api.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';

const EXA = { 'x-api-key': 'exa_one_instant' };
const WEBSET = websetBody(5, [EMAIL]);

/** A real clock at its worst: it ticks one millisecond on every read, and counts the reads. */
function tickingClock(start = Date.parse('2026-01-05T09:00:00Z')) {
  let now = start;
  let reads = 0;
  const clock: Clock = {
    mode: 'real',
    now: () => {
      reads += 1;
      return (now += 1);
    },
  };
  return { clock, reads: () => reads };
}

type Call = (method: string, path: string, init?: CallOptions) => Promise<{ status: number; json: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read the JSON freely

let server: TestServer | undefined;
afterEach(async () => server?.close());

/** An adapter on `clock`; `timerReads` is how many reads a background timer may add during one request. */
const adapters: [string, (clock: Clock) => Promise<{ call: Call; journal: Journal; timerReads: number }>][] =
  [
    [
      'in process',
      async (clock) => {
        const harness = createHarness({ seed: 1313, clock });
        return {
          call: (method, path, init) => harness.call(method, `https://api.exa.ai${path}`, init),
          journal: harness.mock.journal,
          timerReads: 0,
        };
      },
    ],
    [
      'server',
      async (clock) => {
        const started = await startTestServer({ seed: 1313, clock });
        server = started;
        // The server's webhook delivery timer reads a real clock on its own.
        const call: Call = (method, path, init) => started.call(method, path, init);
        return { call, journal: started.runtime.journal, timerReads: 1 };
      },
    ],
  ];

describe.each(adapters)(
  'one instant per request, on a clock that ticks on every read (%s)',
  (_name, open) => {
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
