import { describe, expect, it } from 'vitest';
import { createHarness } from '../../support/mock-harness.js';
import { scenarioWith } from '../../support/scenario-variants.js';
import { checkedCall, leadIds, sendkitClient, startJob } from './sendkit-api.js';

const PLATFORM = 'sk_user_platform_1';

describe('sendkit: authentication', () => {
  it('accepts the key in X-Api-Key or as Authorization: Bearer, as the same workspace', async () => {
    const harness = createHarness({ scenario: 'default', seed: 341 });
    const id = await startJob(sendkitClient(harness, 'sk_auth_1'));
    const bearer = sendkitClient(harness, { headers: { authorization: 'Bearer sk_auth_1' } });
    expect((await bearer.job(id)).status).toBe(200);
  });

  it('uses X-Api-Key when both headers are sent', async () => {
    const harness = createHarness({ scenario: 'default', seed: 342 });
    const both = sendkitClient(harness, {
      headers: { 'x-api-key': 'sk_auth_2a', authorization: 'Bearer sk_auth_2b' },
    });
    const id = await startJob(both);
    expect((await sendkitClient(harness, 'sk_auth_2a').job(id)).status).toBe(200);
    expect((await sendkitClient(harness, 'sk_auth_2b').job(id)).status).toBe(404);
  });

  it.each([
    ['no key at all', {}, /Missing API key/],
    [
      'a non-Bearer Authorization header',
      { authorization: 'Basic c2tfMTox' },
      /Malformed Authorization header/,
    ],
    ['a Bearer without a key', { authorization: 'Bearer ' }, /Malformed Authorization header/],
    ['a key that is not sk_...', { 'x-api-key': 'pk_live_1' }, /Invalid API key/],
    ['an empty X-Api-Key', { 'x-api-key': '' }, /Invalid API key/],
    [
      'a platform prefix without a key',
      { 'x-api-key': 'sk_user_', 'x-workspace-id': 'ws_1' },
      /Invalid API key/,
    ],
  ])('answers 401 UNAUTHORIZED for %s', async (_name, headers, message) => {
    const harness = createHarness({ scenario: 'default', seed: 343 });
    const response = await sendkitClient(harness, { headers }).leads();
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('UNAUTHORIZED');
    expect(response.json.error.message).toMatch(message);
  });

  it('refuses revoked workspace and platform keys with 401', async () => {
    const scenario = scenarioWith('default', 'sendkit-revoked', (base) => ({
      ...base,
      world: { ...base.world, revokedKeys: ['sk_revoked', 'sk_user_revoked'] },
    }));
    const harness = createHarness({ scenario, seed: 344 });
    const responses = [
      await sendkitClient(harness, 'sk_revoked').leads(),
      await sendkitClient(harness, { key: 'sk_user_revoked', workspace: 'ws_1' }).leads(),
    ];
    expect(responses.map((response) => [response.status, response.json.error.code])).toEqual([
      [401, 'UNAUTHORIZED'],
      [401, 'UNAUTHORIZED'],
    ]);
  });
});

describe('sendkit: X-Workspace-Id rules', () => {
  it('answers 400 VALIDATION_ERROR naming X-Workspace-Id when a platform key omits it', async () => {
    const harness = createHarness({ scenario: 'default', seed: 345 });
    for (const headers of [
      { 'x-api-key': PLATFORM },
      { authorization: `Bearer ${PLATFORM}` },
      { 'x-api-key': PLATFORM, 'x-workspace-id': ' ' },
    ]) {
      const response = await sendkitClient(harness, { headers }).leads();
      expect(response.status).toBe(400);
      expect(response.json.error).toEqual({
        code: 'VALIDATION_ERROR',
        message: expect.stringMatching(/^X-Workspace-Id header is required when using a platform API key/),
      });
    }
  });

  it('answers 400 VALIDATION_ERROR naming X-Workspace-Id when a workspace key sends it, creating nothing', async () => {
    const harness = createHarness({ scenario: 'default', seed: 346 });
    const client = sendkitClient(harness, { headers: { 'x-api-key': 'sk_ws_1', 'x-workspace-id': 'ws_1' } });
    const response = await client.enrich({
      leadIds: ['65f1a2b3c4d5e6f708192a3b'],
      enrichmentTypes: ['email'],
    });
    expect(response.status).toBe(400);
    expect(response.json.error).toEqual({
      code: 'VALIDATION_ERROR',
      message: expect.stringMatching(/^X-Workspace-Id header must not be sent with a workspace API key/),
    });
  });

  it('gives each workspace of a platform key its own world: jobs and leads do not cross workspaces', async () => {
    const harness = createHarness({ scenario: 'default', seed: 347 });
    const first = sendkitClient(harness, { key: PLATFORM, workspace: 'ws_a' });
    const second = sendkitClient(harness, { key: PLATFORM, workspace: 'ws_b' });
    const id = await startJob(first);
    expect((await first.job(id)).status).toBe(200);
    expect((await second.job(id)).status).toBe(404);
    expect(await leadIds(first)).not.toEqual(await leadIds(second));
  });

  it('shares a workspace between the platform keys that name it', async () => {
    const harness = createHarness({ scenario: 'default', seed: 348 });
    const id = await startJob(sendkitClient(harness, { key: PLATFORM, workspace: 'ws_shared' }));
    const other = sendkitClient(harness, {
      headers: { authorization: 'Bearer sk_user_platform_2', 'x-workspace-id': 'ws_shared' },
    });
    expect((await other.job(id)).json.data.id).toBe(id);
  });
});

describe('sendkit: headers and routes', () => {
  it('sends the rate-limit headers on successes and errors, resetting at the end of the clock minute', async () => {
    const harness = createHarness({ scenario: 'default', seed: 349 });
    const client = sendkitClient(harness, 'sk_headers_1');
    const now = harness.clock.now();
    const reset = String(Math.floor(now / 60_000) * 60 + 60);
    for (const response of [
      await client.leads(),
      await client.job('bulk_x'),
      await sendkitClient(harness, { headers: {} }).leads(),
    ]) {
      expect(response.headers.get('x-ratelimit-limit')).toBe('100');
      expect(response.headers.get('x-ratelimit-remaining')).toBe('99');
      expect(response.headers.get('x-ratelimit-reset')).toBe(reset);
      expect(response.headers.get('x-request-id')).toMatch(/\S/);
    }
    harness.clock.advance(60_000);
    expect((await client.leads()).headers.get('x-ratelimit-reset')).toBe(String(Number(reset) + 60));
  });

  it('answers an unknown route with 404 NOT_FOUND and a wrong method with 405, in the envelope', async () => {
    const harness = createHarness({ scenario: 'default', seed: 350 });
    const unknown = await checkedCall(harness, 'GET', '/v1/nothing-here', {
      headers: { 'x-api-key': 'sk_routes_1' },
    });
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'NOT_FOUND']);
    const wrongMethod = await checkedCall(harness, 'DELETE', '/v1/leads', {
      headers: { 'x-api-key': 'sk_routes_1' },
    });
    expect([wrongMethod.status, wrongMethod.json.error.code, wrongMethod.headers.get('allow')]).toEqual([
      405,
      'METHOD_NOT_ALLOWED',
      'GET',
    ]);
  });
});
