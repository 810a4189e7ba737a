import { afterEach, describe, expect, it } from 'vitest';
import { JOURNAL_BODY_CAP_BYTES } from '../../src/http/journal-body.js';
import { createJournal, type JournalRecord } from '../../src/runtime/journal.js';
import { createHarness } from '../support/mock-harness.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';

const PUFFLE = { authorization: 'Bearer pk_live_journal_bounds' };
/** A create whose body is 1.5 MiB: over the request limit (413) and over the journal's body cap. */
const HUGE = JSON.stringify({ enrichmentId: 'work_email', pad: 'é'.repeat(786_432) });
const HUGE_BYTES = Buffer.byteLength(HUGE);

let server: TestServer | undefined;
afterEach(async () => server?.close());

const record = (text: string, omit = false): JournalRecord => ({
  vendor: 'puffle',
  scenario: 'default',
  tenant: null,
  operation: 'puffleListEnrichments',
  request: { method: 'GET', path: '/api/enrichments', query: {}, headers: {}, body: { text: null } },
  response: { status: 200, headers: {}, body: { text, omit } },
  virtualTime: '2026-01-05T09:00:00.000Z',
  wallTime: '2026-01-05T09:00:00.000Z',
  durationMs: 1,
});

describe('journal: bounded in bytes', () => {
  it('keeps 50 consecutive HAR reads flat: no read embeds an earlier read', async () => {
    server = await startTestServer({ seed: 1101 });
    await server.call('GET', '/api/enrichments', { headers: PUFFLE });
    const sizes: number[] = [];
    for (let read = 0; read < 50; read += 1)
      sizes.push(Buffer.byteLength((await server.call('GET', '/__admin/journal?format=har')).text));
    const growth = sizes.slice(1).map((size, index) => size - (sizes[index] ?? 0));
    // Each read adds one bodiless entry of about the same size (its digits vary by a few bytes).
    expect(Math.max(...growth)).toBeLessThan(3_000);
    expect(Math.max(...growth) - Math.min(...growth)).toBeLessThan(64);
    expect(sizes[49]).toBeLessThan(200_000);

    const har = (await server.call('GET', '/__admin/journal?format=har')).json;
    const reads = har.log.entries.filter((entry: { _vendor: string }) => entry._vendor === 'admin');
    expect(reads).toHaveLength(50);
    reads.forEach((entry: { response: { content: object; bodySize: number } }, index: number) => {
      expect(entry.response.content).toMatchObject({
        text: '',
        size: sizes[index],
        comment: expect.stringContaining(`Body omitted: ${sizes[index]} bytes`),
      });
      expect(entry.response.bodySize).toBe(sizes[index]);
    });
  });

  it('journals a JSON journal read without its body, with its size', async () => {
    server = await startTestServer({ seed: 1102 });
    const first = await server.call('GET', '/__admin/journal');
    const second = (await server.call('GET', '/__admin/journal')).json;
    expect(second.entries).toHaveLength(1);
    expect(second.entries[0].response).toMatchObject({
      status: 200,
      body: null,
      bodyCut: { reason: 'omitted', size: Buffer.byteLength(first.text) },
    });
  });

  it('cuts a large request body to the cap on the server, recording its size', async () => {
    server = await startTestServer({ seed: 1103 });
    const refused = await server.call('POST', '/api/enrichment', {
      headers: { ...PUFFLE, 'content-type': 'application/json' },
      rawBody: HUGE,
    });
    expect(refused.status).toBe(413);
    const [entry] = (await server.call('GET', '/__admin/journal?vendor=puffle')).json.entries;
    expect(entry.request.bodyCut).toEqual({ reason: 'truncated', size: HUGE_BYTES });
    const har = (await server.call('GET', '/__admin/journal?format=har&vendor=puffle')).json;
    expect(har.log.entries[0].request).toMatchObject({
      bodySize: HUGE_BYTES,
      postData: { comment: expect.stringContaining(`of ${HUGE_BYTES} bytes`) },
    });
  });

  it('cuts a large request body in mock.journal to its first 1 MiB, recording its size', async () => {
    const harness = createHarness({ seed: 1104 });
    const refused = await harness.call('POST', 'https://app.puffle.ai/api/enrichment', {
      headers: { ...PUFFLE, 'content-type': 'application/json' },
      rawBody: HUGE,
    });
    expect(refused.status).toBe(413);
    const [entry] = harness.mock.journal.entries();
    expect(entry?.request.bodyCut).toEqual({ reason: 'truncated', size: HUGE_BYTES });
    expect(typeof entry?.request.body).toBe('string');
    const kept = Buffer.byteLength(String(entry?.request.body));
    expect(kept).toBeLessThanOrEqual(JOURNAL_BODY_CAP_BYTES);
    expect(kept).toBeGreaterThan(JOURNAL_BODY_CAP_BYTES - 2);
    expect(HUGE.startsWith(String(entry?.request.body))).toBe(true);
  });

  it('drops the oldest entries past the total cap and cuts bodies over the body cap without splitting a character', () => {
    const journal = createJournal({ limit: 100, bodyCapBytes: 1_000, totalCapBytes: 10_000 });
    for (let index = 0; index < 40; index += 1) journal.record(record(`"${'é'.repeat(2_000)}"`));
    expect(journal.bytes).toBeLessThanOrEqual(10_000);
    expect(journal.dropped + journal.entries().length).toBe(40);
    expect(journal.dropped).toBeGreaterThan(0);
    const [oldest] = journal.entries();
    expect(oldest?.response.bodyCut).toEqual({ reason: 'truncated', size: 4_002 });
    expect(oldest?.response.body).toBe(`"${'é'.repeat(499)}`);
    const omitted = journal.record(record('{"entries":[]}', true));
    expect(omitted.response).toMatchObject({ body: null, bodyCut: { reason: 'omitted', size: 14 } });
    journal.clear();
    expect(journal.bytes).toBe(0);
  });
});
