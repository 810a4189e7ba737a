import { describe, expect, it } from 'vitest';
import { createWebset, EMAIL, exaClient, exaSetup, expectExaError, websetBody } from './exa-api.js';

type Event = {
  id: string;
  type: string;
  createdAt: string;
  data: { id: string; status?: string; enrichments?: { status: string }[] };
};

describe('exa: events', () => {
  it('derives the creation events of a Webset, newest first', async () => {
    const { client } = exaSetup('default', 501);
    const webset = await createWebset(client, websetBody(2, [EMAIL]));
    const events: Event[] = (await client.listEvents()).json.data;
    expect(events.map((event) => event.type)).toEqual([
      'webset.search.completed',
      'webset.item.created',
      'webset.item.created',
      'webset.search.created',
      'webset.created',
    ]);
    expect(events.at(-1)).toMatchObject({
      object: 'event',
      data: { id: webset.id, status: 'pending' },
      createdAt: webset.createdAt,
    });
  });

  it('adds one webset.item.enriched per result and webset.idle when the work is done', async () => {
    const { harness, client } = exaSetup('happy-path-fast', 502);
    const webset = await createWebset(client, websetBody(3, [EMAIL]));
    harness.clock.advance(60_000);
    const events: Event[] = (await client.listEvents({ limit: 100 })).json.data;
    const enriched = events.filter((event) => event.type === 'webset.item.enriched');
    expect(enriched).toHaveLength(3);
    for (const event of enriched) expect(event.data.enrichments?.[0]?.status).toBe('completed');
    expect(events[0]).toMatchObject({ type: 'webset.idle', data: { id: webset.id, status: 'idle' } });
    expect(Date.parse(events[0]?.createdAt ?? '')).toBeLessThanOrEqual(harness.clock.now());
  });

  it('lists what a command changed on an existing Webset right after it, as a read before it saw less', async () => {
    const { harness, client } = exaSetup('default', 507);
    const webset = await createWebset(client, websetBody(4, [EMAIL]));
    await createWebset(client, websetBody(2));
    harness.clock.advance(1_000);
    const before = (await client.listEvents({ limit: 100 })).json.data as Event[];
    expect(before.some((event) => event.type === 'webset.idle' && event.data.id === webset.id)).toBe(false);
    await client.cancelWebset(webset.id);
    const cancelledAt = harness.clock.now();
    harness.clock.advance(600_000);
    const after = (await client.listEvents({ limit: 100 })).json.data as Event[];
    const own = after.filter((event) => event.data.id === webset.id || event.type === 'webset.item.enriched');
    // Idle at the cancel, and nothing enriched after it: the Webset's events were derived again.
    expect(own.find((event) => event.type === 'webset.idle')?.createdAt).toBe(
      new Date(cancelledAt).toISOString(),
    );
    expect(own.filter((event) => Date.parse(event.createdAt) > cancelledAt)).toEqual([]);
  });

  it('is idle at creation when no Enrichment is queued, and records deletion', async () => {
    const { client } = exaSetup('default', 503);
    const webset = await createWebset(client, websetBody(1));
    await client.deleteWebset(webset.id);
    const types = ((await client.listEvents()).json.data as Event[]).map((event) => event.type);
    expect(types.slice(0, 2)).toEqual(['webset.deleted', 'webset.idle']);
  });

  it('filters by types and by the inclusive createdAfter/createdBefore bounds', async () => {
    const { harness, client } = exaSetup('happy-path-fast', 504);
    const webset = await createWebset(client, websetBody(2, [EMAIL]));
    harness.clock.advance(60_000);
    const idle = (await client.listEvents({ types: ['webset.idle', 'webset.created'] })).json.data as Event[];
    expect(idle.map((event) => event.type)).toEqual(['webset.idle', 'webset.created']);
    const atCreation = (await client.listEvents({ createdBefore: webset.createdAt, limit: 100 })).json
      .data as Event[];
    expect(atCreation.every((event) => event.createdAt === webset.createdAt)).toBe(true);
    const later = (await client.listEvents({ createdAfter: '2026-01-05T09:00:00.001Z', limit: 100 })).json
      .data as Event[];
    expect(later.map((event) => event.type)).toEqual([
      'webset.idle',
      'webset.item.enriched',
      'webset.item.enriched',
    ]);
  });

  it('keeps pages stable while polling: later polls only add newer events on top', async () => {
    const { harness, client } = exaSetup('default', 505);
    await createWebset(client, websetBody(10, [EMAIL]));
    harness.clock.advance(1_500);
    const early: Event[] = (await client.listEvents({ limit: 200 })).json.data;
    harness.clock.advance(10 * 60_000);
    const late: Event[] = (await client.listEvents({ limit: 200 })).json.data;
    expect(late.slice(late.length - early.length)).toEqual(early);
    const cursor = early[4]?.id ?? '';
    const fromEarly = (await client.listEvents({ cursor, limit: 200 })).json.data as Event[];
    expect(fromEarly).toEqual(early.slice(5));
  });

  it('refuses a cursor naming no event the query lists with 400 INVALID_REQUEST_PARAMS', async () => {
    const { client } = exaSetup('default', 514);
    await createWebset(client, websetBody(1));
    const unknown = await client.listEvents({ cursor: 'event_nope' });
    expectExaError(
      unknown,
      400,
      'INVALID_REQUEST_PARAMS',
      'cursor: unknown cursor "event_nope". Pass the nextCursor of the previous page, or omit cursor for the first page.',
    );
    const created = (await client.listEvents({ types: ['webset.created'] })).json.data as Event[];
    const filteredOut = await client.listEvents({ cursor: created[0]?.id ?? '', types: ['webset.idle'] });
    expectExaError(filteredOut, 400, 'INVALID_REQUEST_PARAMS', 'unknown cursor');
  });

  it('gets one event by id and answers 404 for an unknown one', async () => {
    const { client } = exaSetup('default', 506);
    await createWebset(client, websetBody(1));
    const [latest] = (await client.listEvents({ limit: 1 })).json.data;
    expect((await client.getEvent(latest.id)).json).toEqual(latest);
    const missing = await client.getEvent('event_missing');
    expect(missing.json).toMatchObject({ tag: 'NOT_FOUND', error: expect.stringContaining('event_missing') });
  });

  it('refuses an unknown event type with 400 INVALID_REQUEST_PARAMS naming types', async () => {
    const { client } = exaSetup('default', 507);
    const response = await client.listEvents({ types: ['webset.exploded'] });
    expectExaError(response, 400, 'INVALID_REQUEST_PARAMS', 'types');
  });

  it("shows an API key only its own Websets' events", async () => {
    const { harness, client } = exaSetup('default', 508);
    await createWebset(client, websetBody(1));
    const other = exaClient(harness, 'exa_other');
    expect((await other.listEvents()).json.data).toEqual([]);
  });
});
