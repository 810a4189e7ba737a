import { createHmac } from 'node:crypto';

/** The header Exa signs webhook deliveries with (lower case, as `Headers` and node:http show it). */
export const EXA_SIGNATURE_HEADER = 'exa-signature';

/**
 * The hex HMAC-SHA256, keyed with the webhook secret, of `<t>.<raw body>`: the `v1` of `Exa-Signature`.
 *
 * @example
 * exaSignature('whsec_abc', 1767603600, '{"id":"event_1"}'); // '5d7f0c0a...' (64 hex characters)
 */
export function exaSignature(secret: string, unixSeconds: number, rawBody: string | Uint8Array): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${unixSeconds}.`);
  hmac.update(rawBody);
  return hmac.digest('hex');
}

/**
 * The value of the `Exa-Signature` header for a body sent at `sentAtMs`: `t=<unix seconds>,v1=<hex>`.
 *
 * @example
 * exaSignatureHeader('whsec_abc', Date.parse('2026-01-05T09:00:00Z'), body); // 't=1767603600,v1=...'
 */
export function exaSignatureHeader(secret: string, sentAtMs: number, rawBody: string): string {
  const t = Math.floor(sentAtMs / 1_000);
  return `t=${t},v1=${exaSignature(secret, t, rawBody)}`;
}
