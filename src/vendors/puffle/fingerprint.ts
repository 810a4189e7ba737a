import { stableJson } from '../../http/stable-json.js';

/**
 * What an idempotency key is bound to: the request body without the key itself, as stable JSON (key
 * order does not matter; defaults the validator filled in count as sent).
 *
 * @example
 * requestFingerprint({ idempotencyKey: 'k', b: 1, a: 2 }) === requestFingerprint({ a: 2, b: 1 }); // true
 */
export function requestFingerprint(body: Record<string, unknown>): string {
  return stableJson(Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'idempotencyKey')));
}
