import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/runtime/journal.js';
import { toBodyText, toHar } from '../../src/server/har.js';

const entry = (change: Partial<JournalEntry> = {}): JournalEntry => ({
  id: 'ex_00000001',
  seq: 1,
  vendor: 'puffle',
  scenario: 'default',
  tenant: 'pk_live_har',
  operation: 'puffleCreateEnrichmentRun',
  request: {
    method: 'POST',
    path: '/api/enrichment',
    query: { a: '1', b: ['2', '3'] },
    headers: { 'content-type': 'application/json' },
    body: { enrichmentId: 'work_email' },
  },
  response: { status: 200, headers: { 'content-type': 'application/json' }, body: { ok: true } },
  virtualTime: '2026-01-05T09:00:00.000Z',
  wallTime: '2026-11-22T10:00:00.000Z',
  durationMs: 4.5,
  ...change,
});
const OPTIONS = {
  version: '1.2.3',
  baseUrl: 'http://127.0.0.1:4010',
  scenario: 'flaky-network',
  seed: 9,
  clock: 'virtual' as const,
  dropped: 0,
};

describe('toHar', () => {
  it('writes a HAR 1.2 entry with the request, the response and the custom fields replay needs', () => {
    const har = toHar([entry()], OPTIONS);
    expect(har.log).toMatchObject({
      version: '1.2',
      creator: { name: 'enrichment-mock', version: '1.2.3' },
      _scenario: 'flaky-network',
      _seed: 9,
      _clock: 'virtual',
      _dropped: 0,
    });
    const [first] = har.log.entries;
    expect(first).toMatchObject({
      startedDateTime: '2026-11-22T10:00:00.000Z',
      time: 4.5,
      request: {
        url: 'http://127.0.0.1:4010/api/enrichment?a=1&b=2&b=3',
        queryString: [
          { name: 'a', value: '1' },
          { name: 'b', value: '2' },
          { name: 'b', value: '3' },
        ],
        postData: { mimeType: 'application/json', text: '{"enrichmentId":"work_email"}' },
        bodySize: 29,
      },
      response: {
        status: 200,
        statusText: 'OK',
        content: { size: 11, mimeType: 'application/json', text: '{"ok":true}' },
        bodySize: 11,
      },
      _vendor: 'puffle',
      _tenant: 'pk_live_har',
      _operation: 'puffleCreateEnrichmentRun',
      _virtualTime: '2026-01-05T09:00:00.000Z',
    });
  });

  it('marks an exchange that got no response', () => {
    const [first] = toHar([entry({ response: { status: 0, headers: {}, body: null } })], OPTIONS).log.entries;
    expect(first?.response).toMatchObject({
      status: 0,
      statusText: '',
      bodySize: -1,
      content: { size: 0, mimeType: 'x-unknown', text: '' },
      _error: expect.stringContaining('No response'),
    });
  });

  it.each([
    [null, ''],
    ['<html></html>', '<html></html>'],
    [{ a: [1] }, '{"a":[1]}'],
  ])('writes the body %j as %j', (body, text) => {
    expect(toBodyText(body)).toBe(text);
  });
});
