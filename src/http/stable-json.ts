/**
 * JSON with object keys sorted at every depth, so equal values give equal text whatever their key order.
 *
 * @example
 * stableJson({ b: 1, a: [{ d: 2, c: 3 }] }); // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  // JSON.stringify answers undefined (though typed `string`) for these; none of them is JSON.
  const unrepresentable = value === undefined || typeof value === 'function' || typeof value === 'symbol';
  return unrepresentable ? 'null' : JSON.stringify(value);
}
