/**
 * A record with one entry per key of `keys`, in their order. `Object.fromEntries` types its result by
 * `string`, so this is the one place a record keyed by a union is built from a runtime list: the result
 * is a `Record<Key, T>` exactly when `keys` holds every member of `Key`, which callers guarantee by passing
 * a list derived from the union's source (e.g. `VENDORS`, the keys of `VENDOR_DESCRIPTORS`).
 *
 * @example
 * recordOf(['a', 'b'] as const, (key) => key.toUpperCase()); // { a: 'A', b: 'B' }
 */
export function recordOf<Key extends string, T>(
  keys: readonly Key[],
  value: (key: Key) => T,
): Record<Key, T> {
  // The runtime-to-static boundary: every key of `keys` was given a value just above.
  return Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<Key, T>;
}
