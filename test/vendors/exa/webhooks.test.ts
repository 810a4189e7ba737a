import { describe, expect, it } from 'vitest';
import { exaClient, exaSetup, expectExaError } from './exa-api.js';
import { webhooksClient } from './webhooks-api.js';

const URL_A = 'https://hooks.acme-crm.example/exa/websets';
const URL_B = 'https://hooks.acme-crm.example/exa/v2';

function setup(seed: number, key?: string) {
  const { harness, client } = exaSetup('default', seed, key);
  return { harness, client, hooks: webhooksClient(client) };
}

describe('exa: webhooks', () => {
  it('creates an active Webhook and shows its secret in that answer only', async () => {
    const { hooks } = setup(601);
    const created = await hooks.create({
      events: ['webset.item.enriched', 'webset.idle', 'webset.idle'],
      url: URL_A,
      metadata: { environment: 'staging' },
    });
    expect(created.status).toBe(200);
    expect(created.json).toEqual({
      id: expect.stringMatching(/^webhook_[0-9a-z]{26}$/),
      object: 'webhook',
      status: 'active',
      events: ['webset.item.enriched', 'webset.idle'],
      url: URL_A,
      secret: expect.stringMatching(/^whsec_[0-9a-f]{32}$/),
      metadata: { environment: 'staging' },
      createdAt: '2026-01-05T09:00:00.000Z',
      updatedAt: '2026-01-05T09:00:00.000Z',
    });
    const { id } = created.json;
    expect((await hooks.get(id)).json).toEqual({ ...created.json, secret: null });
    expect((await hooks.list()).json).toEqual({
      data: [{ ...created.json, secret: null }],
      hasMore: false,
      nextCursor: null,
    });
  });

  it('gives each Webhook its own id and secret, the same for the same seed', async () => {
    const first = setup(602);
    const again = setup(602);
    const a = (await first.hooks.create({ events: ['webset.idle'], url: URL_A })).json;
    const b = (await first.hooks.create({ events: ['webset.idle'], url: URL_A })).json;
    expect(a.id).not.toBe(b.id);
    expect(a.secret).not.toBe(b.secret);
    expect((await again.hooks.create({ events: ['webset.idle'], url: URL_A })).json).toEqual(a);
  });

  it('updates events, url and metadata from the instant of the update, keeping the status', async () => {
    const { harness, hooks } = setup(603);
    const { id } = (await hooks.create({ events: ['webset.idle'], url: URL_A })).json;
    harness.clock.advance(5_000);
    const updated = await hooks.update(id, { events: ['webset.item.created'], metadata: { team: 'ops' } });
    expect(updated.json).toMatchObject({
      status: 'active',
      events: ['webset.item.created'],
      url: URL_A,
      secret: null,
      metadata: { team: 'ops' },
      createdAt: '2026-01-05T09:00:00.000Z',
      updatedAt: '2026-01-05T09:00:05.000Z',
    });
    expect((await hooks.update(id, { url: URL_B })).json).toMatchObject({
      events: ['webset.item.created'],
      url: URL_B,
      metadata: { team: 'ops' },
    });
  });

  it('deletes a Webhook, answering it as it was, and then answers 404 for it', async () => {
    const { hooks } = setup(604);
    const created = (await hooks.create({ events: ['webset.idle'], url: URL_A })).json;
    const deleted = await hooks.delete(created.id);
    expect(deleted.json).toEqual({ ...created, secret: null });
    expectExaError(await hooks.get(created.id), 404, 'NOT_FOUND', created.id);
    expectExaError(await hooks.update(created.id, { url: URL_B }), 404, 'NOT_FOUND');
    expectExaError(await hooks.delete(created.id), 404, 'NOT_FOUND');
    expectExaError(await hooks.attempts(created.id), 404, 'NOT_FOUND');
    expect((await hooks.list()).json.data).toEqual([]);
  });

  it('lists Webhooks newest first, one page at a time', async () => {
    const { hooks } = setup(605);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await hooks.create({ events: ['webset.idle'], url: URL_A })).json.id);
    const first = (await hooks.list({ limit: 2 })).json;
    expect(first.data.map((webhook: { id: string }) => webhook.id)).toEqual([ids[2], ids[1]]);
    expect(first).toMatchObject({ hasMore: true, nextCursor: ids[1] });
    const second = (await hooks.list({ limit: 2, cursor: first.nextCursor })).json;
    expect(second).toMatchObject({ data: [{ id: ids[0] }], hasMore: false, nextCursor: null });
    expectExaError(await hooks.list({ cursor: 'webhook_stale' }), 400, 'INVALID_REQUEST_PARAMS', 'cursor');
  });

  it('starts a Webhook with no attempts', async () => {
    const { hooks } = setup(606);
    const { id } = (await hooks.create({ events: ['webset.idle'], url: URL_A })).json;
    expect((await hooks.attempts(id)).json).toEqual({ data: [], hasMore: false, nextCursor: null });
  });

  it.each([
    ['a missing url', { events: ['webset.idle'] }, 'url'],
    ['no events', { events: [], url: URL_A }, 'events'],
    ['an unknown event type', { events: ['webset.exploded'], url: URL_A }, 'events'],
    ['a url that is not http(s)', { events: ['webset.idle'], url: 'ftp://files.example/in' }, 'http(s)'],
  ])('refuses a Webhook with %s with 400 INVALID_REQUEST_BODY', async (_case, body, fragment) => {
    const { hooks } = setup(607);
    expectExaError(await hooks.create(body), 400, 'INVALID_REQUEST_BODY', fragment);
  });

  it('refuses an update to a url that is not http(s)', async () => {
    const { hooks } = setup(608);
    const { id } = (await hooks.create({ events: ['webset.idle'], url: URL_A })).json;
    expectExaError(
      await hooks.update(id, { url: 'mailto:ops@example.com' }),
      400,
      'INVALID_REQUEST_BODY',
      'http(s)',
    );
    expect((await hooks.get(id)).json.url).toBe(URL_A);
  });

  it('shows an API key only its own Webhooks, and 401 without a key', async () => {
    const { harness, hooks } = setup(609);
    const { id } = (await hooks.create({ events: ['webset.idle'], url: URL_A })).json;
    const other = webhooksClient(exaClient(harness, 'exa_other_key'));
    expect((await other.list()).json.data).toEqual([]);
    expectExaError(await other.get(id), 404, 'NOT_FOUND');
    expectExaError(await webhooksClient(exaClient(harness, null)).list(), 401, 'INVALID_API_KEY');
  });

  it('forgets every Webhook on reset', async () => {
    const { harness, hooks } = setup(610);
    await hooks.create({ events: ['webset.idle'], url: URL_A });
    harness.mock.reset();
    expect((await hooks.list()).json.data).toEqual([]);
  });
});
