/**
 * Counts how many indices below `m` satisfy a predicate, in O(block) time and 4 bytes per block of
 * memory: the run's per-item facts (failed, already enriched) stay derived instead of stored.
 */
export interface PrefixCounter {
  /** Number of indices i in [0, m) for which the predicate holds. */
  countBelow(m: number): number;
  /** The smallest index >= `m` for which the predicate holds; `Infinity` when there is none. */
  nextFrom(m: number): number;
  /** The smallest index >= `m` (and >= 0) for which the predicate does not hold; `Infinity` past the end. */
  nextWithout(m: number): number;
  readonly total: number;
}

const BLOCK_BITS = 8;
const BLOCK = 1 << BLOCK_BITS;

/**
 * Scans `predicate` over [0, size) once and keeps a count per block of 256 indices.
 *
 * @example
 * const even = createPrefixCounter(1_000, (i) => i % 2 === 0);
 * even.countBelow(257); // 129
 * even.nextFrom(3); // 4
 * even.nextWithout(4); // 5
 */
export function createPrefixCounter(size: number, predicate: (index: number) => boolean): PrefixCounter {
  const blockCount = Math.ceil(size / BLOCK);
  // starts[b]: how many indices below b * 256 hold; starts[blockCount] is the total.
  const starts = new Uint32Array(blockCount + 1);
  let running = 0;
  for (let i = 0; i < size; i++) {
    if ((i & (BLOCK - 1)) === 0) starts[i >>> BLOCK_BITS] = running;
    if (predicate(i)) running++;
  }
  starts[blockCount] = running;
  return new BlockCounter(size, predicate, starts);
}

/** Methods on the prototype rather than closures per counter: runs hold two counters each. */
class BlockCounter implements PrefixCounter {
  readonly total: number;

  constructor(
    private readonly size: number,
    private readonly predicate: (index: number) => boolean,
    private readonly starts: Uint32Array,
  ) {
    this.total = starts[starts.length - 1] ?? 0;
  }

  /** How many indices below the start of `block` hold. */
  private startOf(block: number): number {
    return this.starts[block] ?? this.total;
  }

  countBelow(m: number): number {
    if (m <= 0) return 0;
    if (m >= this.size) return this.total;
    const end = Math.ceil(m);
    const block = end >>> BLOCK_BITS;
    let count = this.startOf(block);
    for (let i = block << BLOCK_BITS; i < end; i++) if (this.predicate(i)) count++;
    return count;
  }

  nextFrom(m: number): number {
    let i = Math.max(0, Math.ceil(m));
    while (i < this.size) {
      const block = i >>> BLOCK_BITS;
      const blockEnd = Math.min(this.size, (block + 1) << BLOCK_BITS);
      if (this.startOf(block + 1) === this.startOf(block)) {
        i = blockEnd;
        continue;
      }
      for (; i < blockEnd; i++) if (this.predicate(i)) return i;
    }
    return Number.POSITIVE_INFINITY;
  }

  nextWithout(m: number): number {
    let i = Math.max(0, Math.ceil(m));
    while (i < this.size) {
      const block = i >>> BLOCK_BITS;
      const blockEnd = Math.min(this.size, (block + 1) << BLOCK_BITS);
      if (this.startOf(block + 1) - this.startOf(block) === blockEnd - (block << BLOCK_BITS)) {
        i = blockEnd;
        continue;
      }
      for (; i < blockEnd; i++) if (!this.predicate(i)) return i;
    }
    return Number.POSITIVE_INFINITY;
  }
}

/** A counter for a predicate that never holds. */
export const NEVER: PrefixCounter = {
  total: 0,
  countBelow: () => 0,
  nextFrom: () => Number.POSITIVE_INFINITY,
  nextWithout: (m) => Math.max(0, Math.ceil(m)),
};
