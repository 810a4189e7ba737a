/**
 * How many leading entries of a sorted array `holds` is true for, when it holds for a prefix of them
 * (every entry before one it holds for): a binary search, O(log entries).
 *
 * @example
 * prefixLength([1, 3, 3, 7], (n) => n <= 3); // 3
 */
export function prefixLength<T>(entries: readonly T[], holds: (entry: T) => boolean): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const entry = entries[middle];
    if (entry !== undefined && holds(entry)) low = middle + 1;
    else high = middle;
  }
  return low;
}
