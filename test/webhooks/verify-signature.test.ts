import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyExaSignature, type VerifyExaSignatureOptions } from '../../src/index.js';
import { exaSignatureHeader } from '../../src/webhooks/exa-signature.js';

const SECRET = 'whsec_0123456789abcdef0123456789abcdef';
const BODY = '{"id":"event_1","object":"event","type":"webset.idle"}';
const SENT_AT = Date.parse('2026-01-05T09:00:00Z');
const T = SENT_AT / 1_000;
const HEADER = exaSignatureHeader(SECRET, SENT_AT, BODY);

/** The signature as a receiver would compute it from the documented recipe, independently of the mock. */
const recipe = (secret: string, t: number, body: string) =>
  createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

const base: VerifyExaSignatureOptions = { header: HEADER, rawBody: BODY, secret: SECRET, now: SENT_AT };

describe('verifyExaSignature', () => {
  it('signs t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">', () => {
    expect(HEADER).toBe(`t=${T},v1=${recipe(SECRET, T, BODY)}`);
  });

  it.each<[string, Partial<VerifyExaSignatureOptions>]>([
    ['the header as sent', {}],
    ['the body as bytes', { rawBody: Buffer.from(BODY) }],
    ['a header array from node:http', { header: [HEADER] }],
    ['a Date for now', { now: new Date(SENT_AT) }],
    ['a timestamp 299 s old', { now: SENT_AT + 299_000 }],
    ['a timestamp 299 s ahead (clock skew)', { now: SENT_AT - 299_000 }],
    ['an old timestamp with the check off', { now: SENT_AT + 86_400_000, toleranceSeconds: Infinity }],
    [
      'a second v1 among others (secret rotation)',
      { header: `t=${T},v1=${'0'.repeat(64)},v1=${recipe(SECRET, T, BODY)}` },
    ],
    ['spaces around parts', { header: ` t=${T} , v1=${recipe(SECRET, T, BODY)} ` }],
  ])('accepts %s', (_case, change) => {
    expect(verifyExaSignature({ ...base, ...change })).toEqual({ ok: true });
  });

  it.each<[string, Partial<VerifyExaSignatureOptions>, string]>([
    ['a tampered body', { rawBody: BODY.replace('idle', 'deleted') }, 'signature_mismatch'],
    ['a re-serialised body', { rawBody: JSON.stringify(JSON.parse(BODY), null, 2) }, 'signature_mismatch'],
    ['another secret', { secret: 'whsec_other' }, 'signature_mismatch'],
    [
      'a timestamp moved forward',
      { header: HEADER.replace(`t=${T}`, `t=${T + 1}`), now: SENT_AT },
      'signature_mismatch',
    ],
    ['a signature that is not hex', { header: `t=${T},v1=${'z'.repeat(64)}` }, 'signature_mismatch'],
    ['an expired timestamp', { now: SENT_AT + 301_000 }, 'timestamp_out_of_tolerance'],
    ['a timestamp too far ahead', { now: SENT_AT - 301_000 }, 'timestamp_out_of_tolerance'],
    ['a tighter tolerance', { now: SENT_AT + 11_000, toleranceSeconds: 10 }, 'timestamp_out_of_tolerance'],
    ['an invalid now', { now: Number.NaN }, 'timestamp_out_of_tolerance'],
    ['no header', { header: undefined }, 'missing_header'],
    ['a null header', { header: null }, 'missing_header'],
    ['an empty header', { header: '  ' }, 'missing_header'],
    ['a header without t', { header: `v1=${recipe(SECRET, T, BODY)}` }, 'malformed_header'],
    ['a header without v1', { header: `t=${T}` }, 'malformed_header'],
    ['a header with a non-numeric t', { header: `t=soon,v1=${recipe(SECRET, T, BODY)}` }, 'malformed_header'],
    ['a header with two t', { header: `t=${T},t=${T},v1=${recipe(SECRET, T, BODY)}` }, 'malformed_header'],
    ['a part without "="', { header: `t=${T},v1` }, 'malformed_header'],
    ['an empty secret', { secret: '' }, 'missing_secret'],
  ])('refuses %s', (_case, change, reason) => {
    const result = verifyExaSignature({ ...base, ...change });
    expect(result).toEqual({ ok: false, reason, message: expect.any(String) });
  });

  it('checks against the wall clock by default, so a fresh signature passes', () => {
    const now = Date.now();
    const header = exaSignatureHeader(SECRET, now, BODY);
    expect(verifyExaSignature({ header, rawBody: BODY, secret: SECRET })).toEqual({ ok: true });
    expect(verifyExaSignature({ header: HEADER, rawBody: BODY, secret: SECRET }).ok).toBe(
      Math.abs(now - SENT_AT) <= 300_000,
    );
  });

  it('explains a stale signature and how to check one under the virtual clock', () => {
    const result = verifyExaSignature({ ...base, now: SENT_AT + 3_600_000 });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('mock.clock.now()') });
  });
});
