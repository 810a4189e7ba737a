import { afterEach, describe, expect, it } from 'vitest';
import { formatProblems, loadScenario, verifyExaSignature } from '../../../src/index.js';
import { startReceiver, type Receiver } from '../../webhooks/support/loopback-receiver.js';
import { createWebset, EMAIL, exaSetup, websetBody } from './exa-api.js';
import { webhooksClient } from './webhooks-api.js';

type Event = { id: string; type: string; createdAt: string; data: Record<string, unknown> };
type Attempt = {
  eventId: string;
  eventType: string;
  attempt: number;
  successful: boolean;
  responseStatusCode: number;
  responseBody: string | null;
  attemptedAt: string;
  url: string;
  webhookId: string;
};

const EVENT_TYPES = [
  'webset.created',
  'webset.search.created',
  'webset.item.created',
  'webset.search.completed',
  'webset.item.enriched',
  'webset.idle',
];
const MINUTES = 60_000;

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** Every event the API lists at the end, oldest first (the order they happened). */
async function allEventsOldestFirst(client: ReturnType<typeof exaSetup>['client']): Promise<Event[]> {
  const events: Event[] = [];
  let cursor: string | null = null;
  do {
    const page = (await client.listEvents({ limit: 200, ...(cursor ? { cursor } : {}) })).json;
    events.push(...(page.data as Event[]));
    cursor = page.nextCursor as string | null;
  } while (cursor !== null);
  return events.reverse();
}

describe('exa: webhook deliveries', () => {
  it('delivers every event of an enrichment, signed, in order, retrying the ones the receiver refused', async () => {
    const { harness, client } = exaSetup('default', 801);
    const hooks = webhooksClient(client);
    const firstSeen = new Set<string>();
    // The receiver refuses the first delivery of every third event it meets with a 500.
    receiver = await startReceiver(
      ({ json }) => {
        const id = String(json?.id);
        if (firstSeen.has(id)) return { status: 200 };
        firstSeen.add(id);
        return firstSeen.size % 3 === 1 ? { status: 500, body: 'Internal Server Error' } : { status: 200 };
      },
      { now: () => harness.clock.now() },
    );
    const webhook = (await hooks.create({ events: EVENT_TYPES, url: receiver.url })).json;
    const { secret } = webhook;
    await createWebset(client, websetBody(6, [EMAIL]));

    const reports = await harness.mock.advance(20 * MINUTES);

    const events = (await allEventsOldestFirst(client)).filter((event) => EVENT_TYPES.includes(event.type));
    expect(events.filter((event) => event.type === 'webset.item.enriched')).toHaveLength(6);
    expect(events.at(-1)?.type).toBe('webset.idle');
    const { received } = receiver;
    expect(received).toHaveLength(reports.length);

    // Body and signature of every delivery: the Event as the API shows it, signed at the delivery instant.
    const byId = new Map(events.map((event) => [event.id, event]));
    for (const delivery of received) {
      expect(delivery).toMatchObject({ method: 'POST', path: '/hooks/exa' });
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(delivery.json).toEqual(byId.get(delivery.json.id));
      expect((await client.getEvent(delivery.json.id)).json).toEqual(delivery.json);
      const header = delivery.headers['exa-signature'];
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(
        verifyExaSignature({ header, rawBody: delivery.rawBody, secret, now: delivery.clockAt ?? 0 }),
      ).toEqual({
        ok: true,
      });
      expect(String(header)).toContain(`t=${Math.floor((delivery.clockAt ?? 0) / 1_000)},`);
    }

    // Order: first attempts follow the events; each retry comes 10 s after the refused attempt.
    const attemptedAt = reports.map((report) => report.attemptedAt);
    expect(attemptedAt).toEqual([...attemptedAt].sort((a, b) => a - b));
    expect(received.map((delivery) => delivery.json.id)).toEqual(reports.map((report) => report.eventId));
    const firsts = reports.filter((report) => report.attempt === 1);
    expect(firsts.map((report) => report.eventId)).toEqual(events.map((event) => event.id));
    for (const report of firsts)
      expect(report.attemptedAt).toBe(Date.parse(byId.get(report.eventId)?.createdAt ?? ''));

    // The attempts endpoint records every attempt, newest first, with the refused ones retried once.
    const attempts: Attempt[] = (await hooks.attempts(webhook.id, { limit: 200 })).json.data;
    expect(attempts).toHaveLength(received.length);
    expect(attempts.map((attempt) => attempt.attemptedAt)).toEqual(
      reports.map((report) => new Date(report.attemptedAt).toISOString()).reverse(),
    );
    const refused = attempts.filter((attempt) => !attempt.successful);
    expect(refused.length).toBe(Math.ceil(events.length / 3));
    for (const failure of refused) {
      expect(failure).toMatchObject({
        attempt: 1,
        responseStatusCode: 500,
        responseBody: 'Internal Server Error',
        url: receiver.url,
        webhookId: webhook.id,
      });
      const retry = attempts.find((attempt) => attempt.eventId === failure.eventId && attempt.attempt === 2);
      expect(retry).toMatchObject({
        successful: true,
        responseStatusCode: 200,
        eventType: failure.eventType,
      });
      expect(Date.parse(retry?.attemptedAt ?? '') - Date.parse(failure.attemptedAt)).toBe(10_000);
    }
    const delivered = attempts.filter((attempt) => attempt.successful).map((attempt) => attempt.eventId);
    expect(new Set(delivered)).toEqual(new Set(events.map((event) => event.id)));
    expect(delivered).toHaveLength(events.length);
    expect((await hooks.attempts(webhook.id, { successful: 'false', limit: 200 })).json.data).toEqual(
      refused,
    );
    // exa-py sends Python's spelling of booleans.
    expect((await hooks.attempts(webhook.id, { successful: 'True', limit: 200 })).json.data).toEqual(
      attempts.filter((attempt) => attempt.successful),
    );
    expect((await hooks.attempts(webhook.id, { successful: 'False', limit: 200 })).json.data).toEqual(
      refused,
    );
    const idle = (await hooks.attempts(webhook.id, { eventType: 'webset.idle' })).json.data as Attempt[];
    expect(idle.length).toBeGreaterThan(0);
    expect(idle.every((attempt) => attempt.eventType === 'webset.idle')).toBe(true);
  });

  it('delivers each event when it happens, so a receiver reading the API back sees the same item', async () => {
    const { harness, client } = exaSetup('default', 802);
    const hooks = webhooksClient(client);
    const websetId: string[] = [];
    const polled: { event: Event; item: unknown; clockAt: number | null }[] = [];
    receiver = await startReceiver(
      async (delivery) => {
        const item = await client.getItem(websetId[0] ?? '', delivery.json.data.id);
        polled.push({ event: delivery.json, item: item.json, clockAt: delivery.clockAt });
        return { status: 204 };
      },
      { now: () => harness.clock.now() },
    );
    await hooks.create({ events: ['webset.item.enriched'], url: receiver.url });
    websetId.push((await createWebset(client, websetBody(4, [EMAIL]))).id);
    const reports = await harness.mock.advance(5 * MINUTES);
    expect(reports.every((report) => report.successful && report.statusCode === 204)).toBe(true);
    expect(polled).toHaveLength(4);
    for (const { event, item, clockAt } of polled) {
      expect(clockAt).toBe(Date.parse(event.createdAt));
      expect(event.data).toMatchObject({ enrichments: [{ status: 'completed' }] });
      expect(item).toEqual(event.data);
    }
  });

  it('takes into account what a receiver does on the way: a cancel stops the deliveries of later results', async () => {
    const { harness, client } = exaSetup('default', 807);
    const hooks = webhooksClient(client);
    const target: { websetId: string; enrichmentId: string } = { websetId: '', enrichmentId: '' };
    let cancelledAt: number | null = null;
    receiver = await startReceiver(async ({ json }) => {
      if (json.type === 'webset.item.enriched' && cancelledAt === null) {
        cancelledAt = harness.clock.now();
        expect((await client.cancelEnrichment(target.websetId, target.enrichmentId)).status).toBe(200);
      }
      return { status: 200 };
    });
    await hooks.create({ events: ['webset.item.enriched', 'webset.idle'], url: receiver.url });
    const webset = await createWebset(client, websetBody(25, [EMAIL]));
    Object.assign(target, { websetId: webset.id, enrichmentId: webset.enrichments[0]?.id ?? '' });
    await harness.mock.advance(20 * MINUTES);

    const events = (await allEventsOldestFirst(client)).filter((event) =>
      ['webset.item.enriched', 'webset.idle'].includes(event.type),
    );
    expect(receiver.received.map((delivery) => delivery.json.id)).toEqual(events.map((event) => event.id));
    expect(events.filter((event) => event.type === 'webset.item.enriched').length).toBeLessThan(25);
    expect(events.at(-1)).toMatchObject({
      type: 'webset.idle',
      createdAt: new Date(cancelledAt ?? 0).toISOString(),
    });
  });

  it('delivers only events at or after the creation of the Webhook, of the types it wants at their instant', async () => {
    const { harness, client } = exaSetup('happy-path-fast', 803);
    const hooks = webhooksClient(client);
    receiver = await startReceiver();
    await createWebset(client, websetBody(2));
    await harness.mock.advance(1_000);
    const { id } = (await hooks.create({ events: ['webset.created'], url: receiver.url })).json;
    await createWebset(client, websetBody(2, [EMAIL]));
    await harness.mock.advance(1_000);
    await hooks.update(id, { events: ['webset.created', 'webset.idle'] });
    await createWebset(client, websetBody(1));
    await harness.mock.advance(1_000);
    expect(receiver.received.map((delivery) => [delivery.json.type, delivery.json.createdAt])).toEqual([
      ['webset.created', '2026-01-05T09:00:01.000Z'],
      ['webset.created', '2026-01-05T09:00:02.000Z'],
      ['webset.idle', '2026-01-05T09:00:02.000Z'],
    ]);
  });

  it('makes no delivery due after the Webhook was deleted', async () => {
    const { harness, client } = exaSetup('default', 804);
    const hooks = webhooksClient(client);
    receiver = await startReceiver(() => ({ status: 503 }));
    const { id } = (await hooks.create({ events: ['webset.created'], url: receiver.url })).json;
    await createWebset(client, websetBody(1));
    await harness.mock.advance(15_000);
    expect(receiver.received).toHaveLength(2);
    await hooks.delete(id);
    await harness.mock.advance(20 * MINUTES);
    expect(receiver.received).toHaveLength(2);
    expect(harness.mock.webhooks.nextDueAt()).toBeNull();
  });

  it('gives up after the last attempt of the schedule', async () => {
    const { harness, client } = exaSetup('default', 805);
    const hooks = webhooksClient(client);
    receiver = await startReceiver(() => ({ status: 500 }));
    const { id } = (await hooks.create({ events: ['webset.created'], url: receiver.url })).json;
    await createWebset(client, websetBody(1));
    const reports = await harness.mock.advance(60 * MINUTES);
    expect(reports.map((report) => report.attemptedAt - harness.mock.scenario.startAtMs)).toEqual([
      0,
      10_000,
      30_000,
      2 * MINUTES,
      10 * MINUTES,
    ]);
    expect(reports.map((report) => report.nextAttemptAt)).toEqual([
      ...reports.slice(1).map((report) => report.attemptedAt),
      null,
    ]);
    const attempts: Attempt[] = (await hooks.attempts(id)).json.data;
    expect(attempts.map((attempt) => attempt.attempt)).toEqual([5, 4, 3, 2, 1]);
  });

  it('records status 0 and retries when the receiver does not answer in time or cannot be reached', async () => {
    const loaded = loadScenario('default', {
      inline: { webhooks: { timeout: '100ms', retrySchedule: ['0s', '10s'] } },
    });
    if (!loaded.ok) throw new Error(formatProblems('default', loaded.problems));
    const { harness, client } = exaSetup(loaded.scenario, 806);
    const hooks = webhooksClient(client);
    receiver = await startReceiver((_received, index) => (index === 0 ? 'hang' : { status: 200 }));
    const { id } = (await hooks.create({ events: ['webset.created'], url: receiver.url })).json;
    const unreachable = (await hooks.create({ events: ['webset.created'], url: 'http://127.0.0.1:9/closed' }))
      .json;
    await createWebset(client, websetBody(1));
    await harness.mock.advance(30_000);
    const attempts: Attempt[] = (await hooks.attempts(id)).json.data;
    expect(
      attempts.map((attempt) => [attempt.attempt, attempt.responseStatusCode, attempt.successful]),
    ).toEqual([
      [2, 200, true],
      [1, 0, false],
    ]);
    expect(attempts[1]).toMatchObject({ responseBody: null, responseHeaders: {} });
    const refused: Attempt[] = (await hooks.attempts(unreachable.id)).json.data;
    expect(refused.map((attempt) => [attempt.attempt, attempt.responseStatusCode])).toEqual([
      [2, 0],
      [1, 0],
    ]);
  });
});
