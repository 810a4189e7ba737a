import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { handlerPath } from '../../src/adapter/vendor-handler.js';
import { createHarness } from '../support/mock-harness.js';

const PUFFLE = { authorization: 'Bearer pk_live_paths' };

describe('vendor handler path', () => {
  it.each([
    { origin: '*', url: 'https://app.puffle.ai/api/enrichments', want: true },
    { origin: '*', url: 'http://localhost:4010/api/enrichment/run_1/items', want: true },
    { origin: '*', url: 'http://127.0.0.1/api/', want: true },
    { origin: '*', url: 'http://localhost/api', want: false },
    { origin: '*', url: 'http://localhost/apiary/x', want: false },
    { origin: '*', url: 'http://localhost/other/api/x', want: false },
    { origin: 'https://app.puffle.ai', url: 'https://app.puffle.ai/api/enrichments', want: true },
    { origin: 'https://app.puffle.ai/', url: 'https://app.puffle.ai/api/%zz', want: true },
    { origin: 'https://app.puffle.ai', url: 'https://APP.puffle.ai/API/enrichments', want: true },
    { origin: 'https://app.puffle.ai', url: 'http://app.puffle.ai/api/enrichments', want: false },
    { origin: 'https://app.puffle.ai', url: 'https://api.exa.ai/api/enrichments', want: false },
    { origin: 'https://app.puffle.ai', url: 'https://app-puffle.ai/api/enrichments', want: false },
    { origin: 'https://app.puffle.ai', url: 'https://app.puffle.ai.evil.test/api/x', want: false },
    { origin: 'http://localhost:4010', url: 'http://localhost:4010/api/enrichments', want: true },
    { origin: 'http://localhost:4010', url: 'http://localhost:4011/api/enrichments', want: false },
  ])('$origin + /api matches $url: $want', ({ origin, url, want }) => {
    const parsed = new URL(url);
    expect(handlerPath(origin, '/api').test(`${parsed.origin}${parsed.pathname}`)).toBe(want);
  });

  it('escapes the base path', () => {
    expect(handlerPath('*', '/websets/v0').test('http://x/websets/v0/websets')).toBe(true);
    expect(handlerPath('*', '/websets/v0').test('http://x/websets/vX/websets')).toBe(false);
  });

  it.each(['/api/%zz', '/api/%E0%A4%A', '/api/enrichment/%', '/api/enrichment/%E0%A4%A/items'])(
    'answers %s with a 404 in Puffle error shape, in process',
    async (path) => {
      const { call } = createHarness({ scenario: 'default', seed: 11 });
      const answer = await call('GET', `https://app.puffle.ai${path}`, { headers: PUFFLE });
      expect(answer.status, answer.text).toBe(404);
      expect(answer.json).toEqual({ error: `No route for GET ${path}.`, code: 'not_found' });
    },
  );

  it('serves real routes on the real origin and on any origin, and leaves other hosts alone', async () => {
    const real = createHarness({ scenario: 'default', seed: 12 });
    expect(
      (await real.call('GET', 'https://app.puffle.ai/api/enrichments', { headers: PUFFLE })).status,
    ).toBe(200);
    const anywhere = createHarness({ scenario: 'default', seed: 12, baseUrls: { puffle: '*' } });
    expect(
      (await anywhere.call('GET', 'http://localhost:4010/api/enrichments', { headers: PUFFLE })).status,
    ).toBe(200);
    for (const url of ['https://elsewhere.test/api/enrichments', 'https://app.puffle.ai/api']) {
      expect(await getResponse(real.mock.handlers, new Request(url, { headers: PUFFLE }))).toBeUndefined();
    }
  });
});
