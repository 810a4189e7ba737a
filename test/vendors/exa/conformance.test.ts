import { afterAll, describe, expect, it } from 'vitest';
import document from '../../../src/generated/exa-websets.document.js';
import { createOperationIndex } from '../../../src/openapi/operation-index.js';
import { createResponseValidator } from '../../../src/openapi/response-validator.js';
import { scenarioWithFaults } from '../../support/scenario-variants.js';
import { createExaVendor } from '../../../src/vendors/exa/exa-vendor.js';
import { createWebset, EMAIL, exaClient, exaSetup, seenResponses, websetBody } from './exa-api.js';
import { webhooksClient } from './webhooks-api.js';

const index = createOperationIndex(document);

/** Every (operation, status) pair the tour below must have produced and validated. */
const EXPECTED = [
  'exaCreateWebset 201',
  'exaCreateWebset 400',
  'exaCreateWebset 401',
  'exaCreateWebset 402',
  'exaCreateWebset 409',
  'exaCreateWebset 413',
  'exaCreateWebset 415',
  'exaCreateWebset 422',
  'exaCreateWebset 502',
  'exaListWebsets 200',
  'exaListWebsets 400',
  'exaListWebsets 429',
  'exaGetWebset 200',
  'exaGetWebset 404',
  'exaUpdateWebset 200',
  'exaDeleteWebset 200',
  'exaCancelWebset 200',
  'exaListItems 200',
  'exaListItems 400',
  'exaGetItem 200',
  'exaGetItem 404',
  'exaGetItem 503',
  'exaDeleteItem 200',
  'exaCreateEnrichment 200',
  'exaCreateEnrichment 400',
  'exaCreateEnrichment 402',
  'exaCreateEnrichment 422',
  'exaCreateEnrichment 502',
  'exaGetEnrichment 200',
  'exaGetEnrichment 403',
  'exaUpdateEnrichment 200',
  'exaUpdateEnrichment 422',
  'exaDeleteEnrichment 200',
  'exaCancelEnrichment 200',
  'exaCancelEnrichment 404',
  'exaCancelEnrichment 409',
  'exaListEvents 200',
  'exaListEvents 400',
  'exaGetEvent 200',
  'exaGetEvent 404',
  'exaCreateWebhook 200',
  'exaCreateWebhook 400',
  'exaListWebhooks 200',
  'exaListWebhooks 400',
  'exaGetWebhook 200',
  'exaGetWebhook 404',
  'exaUpdateWebhook 200',
  'exaUpdateWebhook 400',
  'exaUpdateWebhook 404',
  'exaDeleteWebhook 200',
  'exaDeleteWebhook 404',
  'exaListWebhookAttempts 200',
  'exaListWebhookAttempts 400',
  'exaListWebhookAttempts 404',
];

describe('exa: conformance to openapi/exa-websets.yaml', () => {
  afterAll(() => {
    expect([...EXPECTED].filter((pair) => !seenResponses.has(pair))).toEqual([]);
  });

  it('serves every operation of the document', () => {
    const served = new Set(Object.keys(createExaVendor().operations));
    const unserved = index.operations.map((operation) => operation.id).filter((id) => !served.has(id));
    expect(unserved).toEqual([]);
  });

  it('catches a response that breaks the document (the checks are not vacuous)', () => {
    const responses = createResponseValidator(document);
    const operation = index.find('exaGetWebset');
    if (!operation) throw new Error('exaGetWebset missing from the document');
    const headers = new Headers({ 'x-request-id': 'req_1' });
    expect(responses.validate(operation, 200, headers, { id: 'webset_1', object: 'webset' })).not.toEqual([]);
    expect(responses.validate(operation, 418, headers, {})).not.toEqual([]);
    expect(
      responses.validate(operation, 404, new Headers(), { requestId: 'r', error: 'e', tag: 'NOT_FOUND' }),
    ).not.toEqual([]);
  });

  it('conforms across a whole lifecycle, success and errors', async () => {
    const { harness, client } = exaSetup('happy-path-fast', 701);
    const webset = await createWebset(client, websetBody(3, [EMAIL], { externalId: 'tour' }));
    await client.createWebset(websetBody(1, [], { externalId: 'tour' }));
    await client.createWebset({ search: { query: 'x', entity: { type: 'custom', description: 'things' } } });
    await client.createWebset({ search: {} });
    await client.call('POST', '/websets', { rawBody: 'x', headers: { 'content-type': 'text/plain' } });
    await client.call('POST', '/websets', { body: { externalId: 'y'.repeat(1_100_000) } });
    await exaClient(harness, null).createWebset(websetBody(1));
    await client.listWebsets();
    await client.listWebsets({ limit: 500 });
    await client.getWebset('tour', { expand: ['items'] });
    await client.getWebset('nope');
    await client.updateWebset('tour', { metadata: { k: 'v' } });
    const items = (await client.listItems('tour')).json.data;
    await client.listItems('tour', { cursor: 'witem_stale' });
    await client.getItem('tour', items[0].id);
    await client.getItem('tour', 'witem_nope');
    const created = (
      await client.createEnrichment('tour', {
        description: 'Seniority',
        format: 'options',
        options: [{ label: 'senior' }],
      })
    ).json;
    await client.createEnrichment('tour', { description: 'x', options: [{ label: 'a' }] });
    await client.createEnrichment('tour', { format: 'text' });
    await client.getEnrichment('tour', created.id);
    await client.updateEnrichment('tour', created.id, { description: 'Seniority level' });
    await client.updateEnrichment('tour', created.id, { format: 'options', options: null });
    await client.updateEnrichment('tour', created.id, { options: [{ label: 'a' }], format: 'url' });
    await client.cancelEnrichment('tour', created.id);
    await client.cancelEnrichment('tour', 'wenrich_nope');
    harness.clock.advance(60_000);
    await client.cancelEnrichment('tour', webset.enrichments[0]?.id ?? '');
    await client.getItem('tour', items[1].id);
    const events = (await client.listEvents({ limit: 200 })).json.data;
    await client.listEvents({ cursor: 'event_stale' });
    await client.getEvent(events[0].id);
    await client.getEvent('event_nope');
    await client.call('DELETE', `/websets/tour/items/${items[2].id as string}`, {
      headers: { 'content-type': 'application/json' },
    });
    await client.deleteEnrichment('tour', created.id);
    await client.cancelWebset('tour');
    await client.deleteWebset('tour');
  });

  it('conforms when a cancel loses the race with the completion', async () => {
    const { harness, client } = exaSetup('cancel-race', 706);
    const webset = await createWebset(client, websetBody(3, [EMAIL]));
    harness.clock.advance(10_000);
    await client.cancelEnrichment(webset.id, webset.enrichments[0]?.id ?? '');
  });

  it('conforms for Webhooks and their attempts, success and errors', async () => {
    const { harness, client } = exaSetup('happy-path-fast', 705);
    const hooks = webhooksClient(client);
    const webhook = (
      await hooks.create({ events: ['webset.created', 'webset.idle'], url: 'http://127.0.0.1:9/closed' })
    ).json;
    await hooks.create({ events: [], url: 'https://hooks.example/exa' });
    await hooks.list();
    await hooks.list({ cursor: 'webhook_stale' });
    await hooks.get(webhook.id);
    await hooks.get('webhook_nope');
    await hooks.update(webhook.id, { metadata: { team: 'ops' } });
    await hooks.update(webhook.id, { url: 'not a url' });
    await hooks.update('webhook_nope', { metadata: {} });
    await createWebset(client, websetBody(1));
    await harness.mock.advance(15_000);
    await hooks.attempts(webhook.id, { successful: 'false', eventType: 'webset.created' });
    await hooks.attempts(webhook.id, { limit: 0 });
    await hooks.attempts('webhook_nope');
    await hooks.delete(webhook.id);
    await hooks.delete(webhook.id);
  });

  it('conforms when credits run out and when dispatch fails', async () => {
    const poor = exaSetup('insufficient-credits', 702, 'exa_few_credits');
    const webset = await createWebset(poor.client, websetBody(2, [EMAIL]));
    expect((await poor.client.createWebset(websetBody(9, [EMAIL]))).status).toBe(402);
    expect((await poor.client.createEnrichment(webset.id, EMAIL)).status).toBe(402);
    const failing = exaSetup('dispatch-failure', 703);
    expect((await failing.client.createWebset(websetBody(2, [EMAIL]))).status).toBe(502);
    const plain = await createWebset(failing.client, websetBody(2));
    expect((await failing.client.createEnrichment(plain.id, EMAIL)).status).toBe(502);
  });

  it('conforms for faults a scenario injects (429 with Retry-After, 403, 503)', async () => {
    const scenario = scenarioWithFaults('exa-injected-faults', [
      {
        name: 'rate-limit',
        match: { vendor: 'exa', operation: 'exaListWebsets' },
        effect: { type: 'status', status: 429, retryAfterSeconds: 3 },
      },
      {
        name: 'forbidden',
        match: { vendor: 'exa', operation: 'exaGetEnrichment' },
        effect: { type: 'status', status: 403 },
      },
      {
        name: 'unavailable',
        match: { vendor: 'exa', operation: 'exaGetItem' },
        effect: { type: 'status', status: 503 },
      },
    ]);
    const { client } = exaSetup(scenario, 704);
    const limited = await client.listWebsets();
    expect(limited).toMatchObject({ status: 429, json: { tag: 'RATE_LIMITED' } });
    expect(limited.headers.get('retry-after')).toBe('3');
    const webset = await createWebset(client, websetBody(1, [EMAIL]));
    expect((await client.getEnrichment(webset.id, webset.enrichments[0]?.id ?? '')).json.tag).toBe(
      'FORBIDDEN',
    );
    expect((await client.getItem(webset.id, 'witem_x')).json.tag).toBe('SERVICE_UNAVAILABLE');
  });
});
