import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/core/clock.js';
import { DEFAULT_WEBHOOK_MODEL } from '../../src/scenario/defaults.js';
import type { WebhookModel } from '../../src/scenario/types.js';
import { advanceWithDeliveries } from '../../src/webhooks/advance-with-deliveries.js';
import { createWebhookDispatcher } from '../../src/webhooks/create-webhook-dispatcher.js';
import { startDeliveryTimer } from '../../src/webhooks/delivery-timer.js';
import type { DeliveryReport, FeedEvent, LedgerEntry, Subscription } from '../../src/webhooks/outbox.js';
import type { FetchLike } from '../../src/webhooks/post-delivery.js';

const START = Date.parse('2026-01-05T09:00:00Z');

interface Sent {
  url: string;
  body: string;
  headers: Record<string, string>;
  clockAt: number;
}

/** A subscription kept in memory, wanting every event type. */
function subscription(id: string, options: { createdAt?: number; deletedAt?: number | null } = {}) {
  const recorded: DeliveryReport[] = [];
  const ledger = new Map<string, LedgerEntry>();
  const sub: Subscription = {
    id,
    createdAt: options.createdAt ?? START,
    deletedAt: options.deletedAt ?? null,
    wants: () => true,
    urlAt: () => `http://receiver.test/${id}`,
    sign: (rawBody, attemptedAt) => ({ 'x-signed': `${attemptedAt}:${rawBody.length}` }),
    ledger,
    record: (report) => void recorded.push(report),
  };
  return { sub, recorded };
}

const feedEvent = (id: string, offset: number): FeedEvent => ({
  id,
  type: 'webset.idle',
  at: START + offset,
  render: () => ({ id, object: 'event', type: 'webset.idle' }),
});

/** A dispatcher over one outbox on a virtual clock, with a fetch that answers `answer(call index)`. */
function setup(
  events: FeedEvent[],
  subscriptions: Subscription[],
  answer: (index: number) => Promise<Response> = async () => new Response('ok', { status: 200 }),
  change: Partial<WebhookModel> = {},
) {
  const clock = createVirtualClock(START);
  const sent: Sent[] = [];
  const fetch: FetchLike = async (input, init) => {
    sent.push({
      url: input instanceof Request ? input.url : input.toString(),
      body: typeof init?.body === 'string' ? init.body : '',
      headers: init?.headers as Record<string, string>,
      clockAt: clock.now(),
    });
    return answer(sent.length - 1);
  };
  const policy = { ...DEFAULT_WEBHOOK_MODEL, ...change };
  const dispatcher = createWebhookDispatcher({
    clock,
    fetch,
    outboxes: (now) => [
      { seed: 1, policy, subscriptions, events: events.filter((event) => event.at <= now) },
    ],
  });
  return { clock, sent, dispatcher };
}

const ids = (reports: DeliveryReport[]) => reports.map((report) => `${report.eventId}#${report.attempt}`);

describe('createWebhookDispatcher', () => {
  it('makes the attempts due by now, in due order, ties in the order events happened', async () => {
    const { sub, recorded } = subscription('webhook_a');
    const events = [feedEvent('e1', 0), feedEvent('e2', 0), feedEvent('e3', 500), feedEvent('e4', 2_000)];
    const { clock, sent, dispatcher } = setup(events, [sub]);
    clock.advance(1_000);
    expect(ids(await dispatcher.deliverDue())).toEqual(['e1#1', 'e2#1', 'e3#1']);
    expect(await dispatcher.deliverDue()).toEqual([]);
    clock.advance(5_000);
    expect(ids(await dispatcher.deliverDue())).toEqual(['e4#1']);
    expect(recorded).toHaveLength(4);
    expect(sent[0]).toMatchObject({
      url: 'http://receiver.test/webhook_a',
      body: '{"id":"e1","object":"event","type":"webset.idle"}',
      headers: { 'content-type': 'application/json', 'x-signed': `${START}:${sent[0]?.body.length}` },
    });
  });

  it('retries a refused attempt on the schedule, within one call once the clock is past it', async () => {
    const { sub } = subscription('webhook_a');
    const { clock, dispatcher } = setup([feedEvent('e1', 0)], [sub], async (index) =>
      index < 2 ? new Response('busy', { status: 503 }) : new Response(null, { status: 204 }),
    );
    clock.advance(60_000);
    const reports = await dispatcher.deliverDue();
    expect(reports.map((report) => [report.attempt, report.statusCode, report.attemptedAt - START])).toEqual([
      [1, 503, 0],
      [2, 503, 10_000],
      [3, 204, 30_000],
    ]);
    expect(reports.map((report) => report.nextAttemptAt)).toEqual([START + 10_000, START + 30_000, null]);
    expect(sub.ledger.get('e1#0')).toEqual({ attempts: 3, done: true });
    expect(dispatcher.nextDueAt()).toBeNull();
  });

  it('records status 0 and the reason when the receiver cannot be reached', async () => {
    const { sub } = subscription('webhook_a');
    const { dispatcher } = setup([feedEvent('e1', 0)], [sub], () =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') })),
    );
    const [report] = await dispatcher.deliverDue();
    expect(report).toMatchObject({
      statusCode: 0,
      successful: false,
      responseBody: null,
      error: expect.stringContaining('ECONNREFUSED'),
      nextAttemptAt: START + 10_000,
    });
  });

  it('never runs twice at once: concurrent calls make each attempt once', async () => {
    const { sub } = subscription('webhook_a');
    const events = [feedEvent('e1', 0), feedEvent('e2', 0), feedEvent('e3', 0)];
    const { dispatcher, sent } = setup(events, [sub]);
    const [first, second] = await Promise.all([dispatcher.deliverDue(), dispatcher.deliverDue()]);
    expect(ids(first ?? [])).toEqual(['e1#1', 'e2#1', 'e3#1']);
    expect(second).toEqual([]);
    expect(sent).toHaveLength(3);
  });

  it('skips events before a subscription existed and attempts due once it is deleted', async () => {
    const late = subscription('webhook_late', { createdAt: START + 1_000 });
    const gone = subscription('webhook_gone', { deletedAt: START + 15_000 });
    const events = [feedEvent('e1', 0), feedEvent('e2', 1_000)];
    const { clock, dispatcher } = setup(
      events,
      [late.sub, gone.sub],
      async () => new Response('', { status: 500 }),
    );
    clock.advance(3_600_000);
    const reports = await dispatcher.deliverDue();
    expect(reports.map((report) => `${report.webhookId} ${report.eventId}#${report.attempt}`)).toEqual([
      'webhook_gone e1#1',
      'webhook_late e2#1',
      'webhook_gone e2#1',
      'webhook_gone e1#2',
      'webhook_late e2#2',
      'webhook_gone e2#2',
      'webhook_late e2#3',
      'webhook_late e2#4',
      'webhook_late e2#5',
    ]);
  });

  it('sends a duplicated delivery as a second copy with attempts of its own', async () => {
    const { sub } = subscription('webhook_a');
    const { clock, dispatcher } = setup([feedEvent('e1', 0)], [sub], undefined, { duplicate: 1 });
    clock.advance(20_000);
    const reports = await dispatcher.deliverDue();
    expect(reports.map((report) => [report.eventId, report.copy, report.attempt])).toEqual([
      ['e1', 0, 1],
      ['e1', 1, 1],
    ]);
  });
});

describe('createWebhookDispatcher plans', () => {
  it('computes the outboxes once per run while the revision holds, again when it changes', async () => {
    const { sub } = subscription('webhook_a');
    const clock = createVirtualClock(START);
    const events = [feedEvent('e1', 0), feedEvent('e2', 10)];
    let revision = 0;
    let computed = 0;
    const dispatcher = createWebhookDispatcher({
      clock,
      revision: () => revision,
      outboxes: (now) => {
        computed += 1;
        return [
          {
            seed: 1,
            policy: DEFAULT_WEBHOOK_MODEL,
            subscriptions: [sub],
            events: events.filter((e) => e.at <= now),
          },
        ];
      },
      fetch: async (_input, init) => {
        // The receiver's reaction to e1: a command that adds an event, as a callback to the API would.
        if (typeof init?.body === 'string' && init.body.includes('"e1"')) {
          events.push(feedEvent('e3', 20));
          revision += 1;
        }
        return new Response('ok');
      },
    });
    clock.advance(1_000);
    const reports = await dispatcher.deliverDue();
    expect(ids(reports)).toEqual(['e1#1', 'e2#1', 'e3#1']);
    expect(computed).toBe(2);
  });

  it('makes the plan again before every attempt when no revision is given', async () => {
    const { sub } = subscription('webhook_a');
    const clock = createVirtualClock(START + 1_000);
    let computed = 0;
    const dispatcher = createWebhookDispatcher({
      clock,
      outboxes: () => {
        computed += 1;
        const events = [feedEvent('e1', 0), feedEvent('e2', 0)];
        return [{ seed: 1, policy: DEFAULT_WEBHOOK_MODEL, subscriptions: [sub], events }];
      },
      fetch: async () => new Response('ok'),
    });
    expect(ids(await dispatcher.deliverDue())).toEqual(['e1#1', 'e2#1']);
    expect(computed).toBe(3);
  });
});

describe('advanceWithDeliveries', () => {
  it('stops the clock at each instant a delivery falls due, then at the target', async () => {
    const { sub } = subscription('webhook_a');
    const events = [feedEvent('e1', 100), feedEvent('e2', 2_500)];
    const { clock, sent, dispatcher } = setup(
      events,
      [sub],
      async (index) => new Response('', { status: index === 0 ? 500 : 200 }),
    );
    const moved = await advanceWithDeliveries(dispatcher, clock, START + 60_000);
    expect(moved).toMatchObject({ ok: true, now: START + 60_000 });
    expect(sent.map((call) => call.clockAt - START)).toEqual([100, 2_500, 10_100]);
    expect(clock.now()).toBe(START + 60_000);
  });

  it('refuses a target in the past and leaves the clock where it was', async () => {
    const { clock, dispatcher } = setup([], []);
    clock.advance(1_000);
    const moved = await advanceWithDeliveries(dispatcher, clock, START);
    expect(moved).toEqual({ ok: false, message: expect.stringContaining('never goes backwards') });
    expect(clock.now()).toBe(START + 1_000);
  });

  it('predicts the next due instant up to a horizon', () => {
    const { sub } = subscription('webhook_a');
    const { dispatcher } = setup([feedEvent('e1', 5_000)], [sub]);
    expect(dispatcher.nextDueAt()).toBeNull();
    expect(dispatcher.nextDueAt(START + 10_000)).toBe(START + 5_000);
  });
});

describe('startDeliveryTimer', () => {
  it('delivers on a wall-clock timer until stopped', async () => {
    const { sub } = subscription('webhook_a');
    const { dispatcher } = setup([feedEvent('e1', 0)], [sub]);
    let delivered: (reports: DeliveryReport[]) => void = () => undefined;
    const first = new Promise<DeliveryReport[]>((resolve) => (delivered = resolve));
    const timer = startDeliveryTimer(
      {
        ...dispatcher,
        deliverDue: async () => {
          const reports = await dispatcher.deliverDue();
          if (reports.length > 0) delivered(reports);
          return reports;
        },
      },
      { intervalMs: 5, onError: (error) => expect.fail(String(error)) },
    );
    expect(ids(await first)).toEqual(['e1#1']);
    await timer.stop();
  });
});
