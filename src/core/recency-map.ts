/**
 * A map that holds at most `limit` entries: adding one past the limit forgets the entry used least
 * recently (by `get` or `set`), oldest idle first. Keys that `keep` holds are never forgotten (they do not
 * count against the limit's choice of victim, so the map may exceed the limit by that many entries).
 *
 * @example
 * const tenants = new RecencyMap<string, Tenant>(10_000, { onEvict: (key) => log(key) });
 * tenants.set('pk_live_a', tenant);
 * tenants.get('pk_live_a'); // now the most recently used
 */
export class RecencyMap<K, V> {
  private entries = new Map<K, V>();
  private readonly keep: (key: K) => boolean;
  private readonly onEvict: (key: K, value: V) => void;

  constructor(
    readonly limit: number,
    options: { keep?: (key: K) => boolean; onEvict?: (key: K, value: V) => void } = {},
  ) {
    this.keep = options.keep ?? (() => false);
    this.onEvict = options.onEvict ?? (() => undefined);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry, marked as just used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** The entry, without marking it as used (a lookup on behalf of another key, a listing). */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Adds or replaces the entry as the most recently used, then forgets the oldest idle ones past the limit. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size <= this.limit) return;
    for (const [oldest, held] of this.entries) {
      if (this.entries.size <= this.limit) break;
      if (oldest === key || this.keep(oldest)) continue;
      this.entries.delete(oldest);
      this.onEvict(oldest, held);
    }
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries = new Map();
  }

  /** Every entry, least recently used first. */
  values(): IterableIterator<V> {
    return this.entries.values();
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries[Symbol.iterator]();
  }
}
