import { afterEach, describe, expect, it } from 'vitest';
import { createRealClock } from '../../src/clock/real-clock.js';
import { verifyExaSignature } from '../../src/index.js';
import { startTestServer, type TestServer } from '../server/support/in-process-server.js';
import { startReceiver, type Receiver } from './support/loopback-receiver.js';

const KEY = { 'x-api-key': 'exa_server_key' };
const WEBSET = {
  search: {
    query: 'Heads of revenue operations at B2B SaaS companies',
    count: 3,
    entity: { type: 'person' },
  },
  enrichments: [{ description: 'Find the work email address of this person', format: 'email' }],
};

let server: TestServer | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await server?.close();
  await receiver?.close();
  server = undefined;
  receiver = undefined;
});

describe('standalone server: webhook deliveries', () => {
  it('answers a clock advance only once the deliveries due by then were made, each at its instant', async () => {
    server = await startTestServer({ scenario: 'happy-path-fast', seed: 41 });
    const running = server;
    receiver = await startReceiver(undefined, { now: () => running.clock.now() });
    const created = await server.call('POST', '/websets/v0/webhooks', {
      headers: KEY,
      body: { events: ['webset.item.enriched', 'webset.idle'], url: receiver.url },
    });
    expect(created.status).toBe(200);
    expect((await server.call('POST', '/websets/v0/websets', { headers: KEY, body: WEBSET })).status).toBe(
      201,
    );
    expect(receiver.received).toEqual([]);

    const advanced = await server.call('POST', '/__admin/clock/advance', { body: { ms: 60_000 } });
    expect(advanced.status).toBe(200);
    expect(advanced.json.nowMs).toBe(server.clock.now());
    expect(receiver.received.map((delivery) => delivery.json.type)).toEqual([
      'webset.item.enriched',
      'webset.item.enriched',
      'webset.item.enriched',
      'webset.idle',
    ]);
    for (const delivery of receiver.received) {
      expect(delivery.clockAt).toBe(Date.parse(delivery.json.createdAt));
      const header = delivery.headers['exa-signature'];
      const secret = created.json.secret as string;
      expect(
        verifyExaSignature({ header, rawBody: delivery.rawBody, secret, now: delivery.clockAt ?? 0 }),
      ).toEqual({
        ok: true,
      });
    }
    const attempts = await server.call('GET', `/websets/v0/webhooks/${created.json.id as string}/attempts`, {
      headers: KEY,
    });
    expect(attempts.json.data).toHaveLength(4);
  });

  it('refuses to advance into the past without delivering anything', async () => {
    server = await startTestServer({ scenario: 'happy-path-fast', seed: 42 });
    const refused = await server.call('POST', '/__admin/clock/advance', {
      body: { to: '2020-01-01T00:00:00Z' },
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain('never goes backwards');
  });

  it('delivers on its own on a real clock, signed against the wall clock', async () => {
    server = await startTestServer({ scenario: 'happy-path-fast', seed: 43, clock: createRealClock() });
    receiver = await startReceiver();
    const created = await server.call('POST', '/websets/v0/webhooks', {
      headers: KEY,
      body: { events: ['webset.created', 'webset.idle'], url: receiver.url },
    });
    await server.call('POST', '/websets/v0/websets', { headers: KEY, body: { ...WEBSET, enrichments: [] } });
    await receiver.waitFor(2);
    expect(receiver.received.map((delivery) => delivery.json.type)).toEqual([
      'webset.created',
      'webset.idle',
    ]);
    for (const delivery of receiver.received) {
      const header = delivery.headers['exa-signature'];
      const secret = created.json.secret as string;
      expect(verifyExaSignature({ header, rawBody: delivery.rawBody, secret })).toEqual({ ok: true });
    }
  });
});
