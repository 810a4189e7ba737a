import { describe, expect, it } from 'vitest';
import { readBody } from '../../src/http/read-body.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readBody', () => {
  it('joins the chunks of a body within the limit', async () => {
    const body = new Request('http://mock.test/', { method: 'POST', body: '{"a":1}' }).body;
    if (body === null) throw new Error('the request has no body');
    const read = await readBody(body, 7);
    expect(read.overCap).toBe(false);
    expect(new TextDecoder().decode(read.data ?? new Uint8Array())).toBe('{"a":1}');
  });

  it('gives no bytes for an empty body', async () => {
    expect(await readBody(new Blob([]).stream(), 10)).toStrictEqual({ data: null, overCap: false });
  });

  it('stops reading an endless stream as soon as it passes the limit', async () => {
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(encode('[1,2,3,4,5,6,7,8,'));
      },
    });
    const read = await readBody(endless, 100);
    expect(read.overCap).toBe(true);
    expect(read.data?.byteLength).toBeGreaterThan(100);
    expect(pulls).toBeLessThan(10);
  });

  it('gives what arrived when the source fails midway', async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield encode('{"a":');
      throw new Error('socket hang up');
    }
    const read = await readBody(broken(), 100);
    expect(new TextDecoder().decode(read.data ?? new Uint8Array())).toBe('{"a":');
  });
});
