import { afterEach, describe, expect, it } from 'vitest';
import { MAX_INSTANT_MS } from '../../src/core/clock.js';
import { createEnrichmentMock } from '../../src/mock/create-enrichment-mock.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';

const LAST = '9999-12-31T23:59:59.999Z';
let server: TestServer | undefined;
afterEach(async () => server?.close());

describe('the clock never moves past 9999-12-31T23:59:59.999Z', () => {
  it.each([
    ['by the ms that pass year 9999', { ms: 253_402_300_799_999 }],
    ['by one ms past the last instant', { ms: MAX_INSTANT_MS - Date.parse('2026-01-05T09:00:00Z') + 1 }],
  ])('answers 409 CONFLICT to an advance %s, and stays put', async (_name, body) => {
    server = await startTestServer({ seed: 1301 });
    const before = (await server.call('GET', '/__admin/clock')).json;
    const response = await server.call('POST', '/__admin/clock/advance', { body });
    expect(response.status).toBe(409);
    expect(response.json).toEqual({
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining(`it would pass ${LAST}, the last instant an RFC 3339 date-time`),
      },
    });
    expect(response.json.error.message).toMatch(/Advance by at most \d+ ms/);
    expect((await server.call('GET', '/__admin/clock')).json).toEqual(before);
  });

  it('advances to the last instant exactly, then refuses one ms more', async () => {
    server = await startTestServer({ seed: 1302 });
    const last = await server.call('POST', '/__admin/clock/advance', { body: { to: LAST } });
    expect(last.status).toBe(200);
    expect(last.json.now).toBe(LAST);
    const more = await server.call('POST', '/__admin/clock/advance', { body: { ms: 1 } });
    expect(more.status).toBe(409);
    expect(more.json.error.message).toContain('Advance by at most 0 ms');
    const run = await server.call('GET', '/api/enrichments', {
      headers: { authorization: 'Bearer pk_live_clock_limit' },
    });
    expect(run.status).toBe(200);
  });

  it('throws a clear error from the in-process clock and advance APIs, and stays put', async () => {
    const mock = createEnrichmentMock({ seed: 1303 });
    const start = mock.clock.now();
    expect(() => mock.clock.advance(253_402_300_799_999)).toThrow(
      `Cannot advance the clock by 253402300799999 ms: it would pass ${LAST}`,
    );
    expect(mock.clock.set(MAX_INSTANT_MS + 1)).toMatchObject({
      ok: false,
      message: expect.stringContaining(LAST),
    });
    await expect(mock.advance(253_402_300_799_999)).rejects.toThrow(LAST);
    await expect(mock.sleep(253_402_300_799_999)).rejects.toThrow(LAST);
    expect(mock.clock.now()).toBe(start);
  });
});
