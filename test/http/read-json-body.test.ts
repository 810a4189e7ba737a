import { describe, expect, it } from 'vitest';
import { readJsonBody, type JsonBodySource } from '../../src/http/read-json-body.js';

/** A request's headers and the body bytes an adapter read. */
function post(body: string | Uint8Array | null, headers: Record<string, string> = {}): JsonBodySource {
  return {
    headers: new Headers(headers),
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  };
}

const json = { 'content-type': 'application/json' };

describe('readJsonBody', () => {
  it.each([
    { name: 'an empty body with a JSON content type', request: post(null, json), want: undefined },
    { name: 'an empty body without a content type', request: post(null), want: undefined },
    { name: 'an empty string body with a JSON content type', request: post('', json), want: undefined },
    { name: 'a JSON object', request: post('{"a":1}', json), want: { a: 1 } },
    {
      name: 'a charset parameter',
      request: post('{"a":"é"}', { 'content-type': 'application/json; charset=utf-8' }),
      want: { a: 'é' },
    },
    {
      name: 'an upper-case charset',
      request: post('[1]', { 'content-type': 'Application/JSON;charset="UTF-8"' }),
      want: [1],
    },
    {
      name: 'a +json media type',
      request: post('null', { 'content-type': 'application/merge-patch+json' }),
      want: null,
    },
    { name: 'a byte order mark', request: post('\uFEFF{"a":1}', json), want: { a: 1 } },
    { name: 'a body exactly at the limit', request: post('"0123456789"', json), want: '0123456789' },
  ])('accepts $name', ({ request, want }) => {
    expect(readJsonBody(request, { limitBytes: 12 })).toStrictEqual({ ok: true, body: want });
  });

  it.each([
    {
      name: 'a text/plain body',
      request: post('{"a":1}', { 'content-type': 'text/plain' }),
      code: 'unsupported_media_type',
      message:
        'Request body has Content-Type "text/plain", but this API accepts JSON only. Send it with Content-Type: application/json.',
    },
    {
      name: 'a body without a content type',
      request: post(new Uint8Array([0x7b, 0x7d])),
      code: 'unsupported_media_type',
      message:
        'Request body has no Content-Type, but this API accepts JSON only. Send it with Content-Type: application/json.',
    },
    {
      name: 'a charset other than UTF-8',
      request: post('{}', { 'content-type': 'application/json; charset=iso-8859-1' }),
      code: 'unsupported_media_type',
      message:
        'Request body is declared as charset "iso-8859-1", but JSON must be UTF-8. Send it as UTF-8 (charset=utf-8).',
    },
    {
      name: 'bytes that are not UTF-8',
      request: post(new Uint8Array([0x22, 0xff, 0xfe, 0x22]), json),
      code: 'invalid_encoding',
      message: 'Request body is not valid UTF-8. JSON bodies must be encoded as UTF-8.',
    },
    {
      name: 'a missing value',
      request: post('{"a":}', json),
      code: 'invalid_json',
      message:
        "Request body is not valid JSON: Unexpected token '}' at position 5 (line 1, column 6). Send the body serialised with JSON.stringify.",
    },
    {
      name: 'a trailing comma',
      request: post('{"a":1,}', json),
      code: 'invalid_json',
      message:
        'Request body is not valid JSON: Expected double-quoted property name at position 7 (line 1, column 8). Send the body serialised with JSON.stringify.',
    },
    {
      name: 'a bad literal on the second line',
      request: post('{\n  "a": tru\n}', json),
      code: 'invalid_json',
      message:
        "Request body is not valid JSON: Unexpected token '\\n' at position 12 (line 2, column 11). Send the body serialised with JSON.stringify.",
    },
    {
      name: 'a truncated document',
      request: post('{"a": [1, 2', json),
      code: 'invalid_json',
      message:
        "Request body is not valid JSON: Expected ',' or ']' after array element at the end of the body. Send the body serialised with JSON.stringify.",
    },
  ])('refuses $name with $code', ({ request, code, message }) => {
    expect(readJsonBody(request, { limitBytes: 1024 })).toStrictEqual({ ok: false, code, message });
  });

  it('refuses a body whose Content-Length is over the limit, whatever was read', () => {
    expect(
      readJsonBody(post('{}', { ...json, 'content-length': '2048' }), { limitBytes: 1024 }),
    ).toStrictEqual({
      ok: false,
      code: 'payload_too_large',
      message:
        'Request body is too large: Content-Length says 2048 bytes but the limit is 1024 bytes. Send a smaller body.',
    });
  });

  it('refuses a body read past the limit', () => {
    expect(readJsonBody(post('[1,2,3,4,5,6,7,8]', json), { limitBytes: 10 })).toStrictEqual({
      ok: false,
      code: 'payload_too_large',
      message:
        'Request body is too large: it is over 10 bytes but the limit is 10 bytes. Send a smaller body.',
    });
  });

  it('parses __proto__ as an own key without touching any prototype', () => {
    const read = readJsonBody(post('{"__proto__":{"polluted":true}}', json), { limitBytes: 1024 });
    if (!read.ok) throw new Error(read.message);
    expect(Object.keys(read.body as object)).toStrictEqual(['__proto__']);
    expect(Object.getPrototypeOf(read.body)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
