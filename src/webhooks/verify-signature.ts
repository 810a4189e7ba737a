import { timingSafeEqual } from 'node:crypto';
import { exaSignature } from './exa-signature.js';

/** Why a signature was refused. */
export type SignatureFailure =
  | 'missing_header'
  | 'malformed_header'
  | 'missing_secret'
  | 'timestamp_out_of_tolerance'
  | 'signature_mismatch';

export type VerifyResult = { ok: true } | { ok: false; reason: SignatureFailure; message: string };

export interface VerifyExaSignatureOptions {
  /** The `Exa-Signature` header as received (node:http may give an array; `Headers.get` may give null). */
  header: string | readonly string[] | null | undefined;
  /** The request body exactly as received, before any JSON parsing. */
  rawBody: string | Uint8Array;
  /** The secret the create-webhook call returned. */
  secret: string;
  /** How far `t` may be from `now`, either way, in seconds. Default 300; `Infinity` turns the check off. */
  toleranceSeconds?: number;
  /**
   * The instant to check `t` against (ms since epoch, or a Date). Default the wall clock. Under the mock's
   * virtual clock deliveries are signed at the simulated instant: pass `mock.clock.now()`.
   */
  now?: number | Date;
}

/** Default `toleranceSeconds`: five minutes, as common webhook verifiers use. */
const DEFAULT_TOLERANCE_SECONDS = 300;

const HEX_SIGNATURE = /^[0-9a-f]{64}$/;

const fail = (reason: SignatureFailure, message: string): VerifyResult => ({ ok: false, reason, message });

/** `t` and every `v1` of a header value, or null when it is not `t=<digits>,v1=<hex>[,v1=<hex>...]`. */
function parseHeader(value: string): { t: number; signatures: string[] } | null {
  let t: number | undefined;
  const signatures: string[] = [];
  for (const part of value.split(',')) {
    const at = part.indexOf('=');
    if (at < 0) return null;
    const [key, field] = [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    if (key === 't') {
      if (!/^\d+$/.test(field) || t !== undefined) return null;
      t = Number(field);
    } else if (key === 'v1') signatures.push(field.toLowerCase());
  }
  return t === undefined || signatures.length === 0 ? null : { t, signatures };
}

/**
 * Checks an `Exa-Signature: t=<unix seconds>,v1=<hex>` header: `v1` must be the HMAC-SHA256 of
 * `<t>.<raw body>` keyed with the webhook secret (compared in constant time), and `t` must lie within
 * `toleranceSeconds` of `now`, so a captured delivery cannot be replayed later. Never throws.
 *
 * @example
 * import { verifyExaSignature } from 'enrichment-mock';
 *
 * http.createServer((request, response) => {
 *   const chunks: Buffer[] = [];
 *   request.on('data', (chunk: Buffer) => chunks.push(chunk));
 *   request.on('end', () => {
 *     const rawBody = Buffer.concat(chunks);
 *     const checked = verifyExaSignature({ header: request.headers['exa-signature'], rawBody, secret });
 *     response.statusCode = checked.ok ? 200 : 400; // checked.reason says why, e.g. 'signature_mismatch'
 *     response.end();
 *   });
 * });
 */
export function verifyExaSignature(options: VerifyExaSignatureOptions): VerifyResult {
  const { secret, rawBody } = options;
  const sent = options.header;
  const header = typeof sent === 'string' || sent === null || sent === undefined ? sent : sent[0];
  if (typeof header !== 'string' || header.trim() === '')
    return fail(
      'missing_header',
      'No Exa-Signature header: the request was not sent by Exa (or a proxy dropped it).',
    );
  if (secret === '')
    return fail(
      'missing_secret',
      'No secret to verify with: pass the secret the create-webhook call returned.',
    );
  const parsed = parseHeader(header);
  if (!parsed)
    return fail(
      'malformed_header',
      `Exa-Signature "${header}" is not of the form t=<unix seconds>,v1=<hex>.`,
    );
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  // eslint-disable-next-line no-restricted-syntax -- a receiver's verifier checks against the wall clock by default
  const nowMs = options.now === undefined ? Date.now() : Number(options.now);
  const skew = Math.abs(nowMs / 1_000 - parsed.t);
  if (!(skew <= tolerance)) {
    return fail(
      'timestamp_out_of_tolerance',
      `Exa-Signature t=${parsed.t} is ${Math.round(skew)} s away from now, more than the ${tolerance} s allowed: a stale or replayed delivery (under a virtual clock, pass now: mock.clock.now()).`,
    );
  }
  const expected = Buffer.from(exaSignature(secret, parsed.t, rawBody), 'hex');
  const matches = parsed.signatures.some(
    (signature) => HEX_SIGNATURE.test(signature) && timingSafeEqual(Buffer.from(signature, 'hex'), expected),
  );
  return matches
    ? { ok: true }
    : fail(
        'signature_mismatch',
        'Exa-Signature does not match the body: it was altered, parsed and re-serialised, or signed with another secret.',
      );
}
