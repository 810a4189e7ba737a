/** JSON with object keys sorted at every depth, so equal values give equal text whatever their key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

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
