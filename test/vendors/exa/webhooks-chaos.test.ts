import { afterEach, describe, expect, it } from 'vitest';
import { verifyExaSignature } from '../../../src/index.js';
import { startReceiver, type Receiver } from '../../webhooks/support/loopback-receiver.js';
import { createWebset, EMAIL, exaSetup, websetBody } from './exa-api.js';
import { webhooksClient } from './webhooks-api.js';

type Event = { id: string; type: string; createdAt: string };

const EVENT_TYPES = ['webset.created', 'webset.item.created', 'webset.item.enriched', 'webset.idle'];

let receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
  receivers = [];
});

/**
 * Runs an enrichment under `webhook-chaos` with an idempotent receiver: it verifies each delivery,
 * keeps the first copy of each event id and acknowledges duplicates without applying them again.
 */
async function runChaos(seed: number) {
  const { harness, client } = exaSetup('webhook-chaos', seed);
  const hooks = webhooksClient(client);
  const applied = new Map<string, Event>();
  let duplicates = 0;
  let secret = '';
  const receiver = await startReceiver(
    ({ json, rawBody, headers }) => {
      const checked = verifyExaSignature({
        header: headers['exa-signature'],
        rawBody,
        secret,
        now: harness.clock.now(),
      });
      if (!checked.ok) return { status: 400, body: checked.reason };
      if (applied.has(json.id)) duplicates += 1;
      else applied.set(json.id, json);
      return { status: 200 };
    },
    { now: () => harness.clock.now() },
  );
  receivers.push(receiver);
  secret = (await hooks.create({ events: EVENT_TYPES, url: receiver.url })).json.secret;
  await createWebset(client, websetBody(12, [EMAIL]));
  const reports = await harness.mock.advance(15 * 60_000);
  const listed = (await client.listEvents({ limit: 200, types: EVENT_TYPES })).json.data as Event[];
  return { harness, reports, receiver, applied, duplicates, events: listed.reverse() };
}

describe('exa: webhook deliveries under webhook-chaos', () => {
  it('delivers late, twice and out of order, and an idempotent receiver still ends with every event once', async () => {
    const { reports, receiver, applied, duplicates, events } = await runChaos(901);
    expect(reports.every((report) => report.successful)).toBe(true);

    // The receiver applied every event exactly once, whatever arrived twice.
    expect([...applied.keys()].sort()).toEqual(events.map((event) => event.id).sort());
    for (const event of events) expect(applied.get(event.id)).toEqual(event);
    expect(duplicates).toBeGreaterThan(0);
    expect(receiver.received).toHaveLength(events.length + duplicates);
    expect(reports.filter((report) => report.copy === 1)).toHaveLength(duplicates);

    // Late: nothing leaves before its event's instant plus the 2 s delay.
    const happenedAt = new Map(events.map((event) => [event.id, Date.parse(event.createdAt)]));
    for (const report of reports)
      expect(report.attemptedAt).toBeGreaterThanOrEqual((happenedAt.get(report.eventId) ?? Infinity) + 2_000);

    // Out of order: some event arrives after one that happened later.
    const arrival = receiver.received.map((delivery) => happenedAt.get(delivery.json.id) ?? 0);
    expect(arrival.some((at, index) => index > 0 && at < Math.max(...arrival.slice(0, index)))).toBe(true);
    // ... yet deliveries go out in the order they fall due.
    const due = reports.map((report) => report.attemptedAt);
    expect(due).toEqual([...due].sort((a, b) => a - b));
  });

  it('makes the same decisions for the same seed, and others for another seed', async () => {
    const sequence = (run: Awaited<ReturnType<typeof runChaos>>) =>
      run.reports.map((report) => `${report.eventId}#${report.copy}@${report.attemptedAt}`);
    const first = sequence(await runChaos(902));
    expect(sequence(await runChaos(902))).toEqual(first);
    expect(sequence(await runChaos(903))).not.toEqual(first);
  });
});
