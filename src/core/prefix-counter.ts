/**
 * Counts how many indices below `m` satisfy a predicate, in O(block) time and 4 bytes per block of
 * memory: the run's per-item facts (failed, already enriched) stay derived instead of stored.
 */
export interface PrefixCounter {
  /** Number of indices i in [0, m) for which the predicate holds. */
  countBelow(m: number): number;
  readonly total: number;
}

const BLOCK_BITS = 8;
const BLOCK = 1 << BLOCK_BITS;

/** Scans `predicate` over [0, size) once and keeps a count per block of 256 indices. */
export function createPrefixCounter(size: number, predicate: (index: number) => boolean): PrefixCounter {
  const blocks = new Uint32Array((size >>> BLOCK_BITS) + 2);
  let running = 0;
  for (let i = 0; i < size; i++) {
    if ((i & (BLOCK - 1)) === 0) blocks[i >>> BLOCK_BITS] = running;
    if (predicate(i)) running++;
  }
  blocks[(size >>> BLOCK_BITS) + 1] = running;
  const total = running;
  return {
    total,
    countBelow(m) {
      if (m <= 0) return 0;
      if (m >= size) return total;
      const block = m >>> BLOCK_BITS;
      let count = blocks[block] ?? 0;
      for (let i = block << BLOCK_BITS; i < m; i++) if (predicate(i)) count++;
      return count;
    },
  };
}

/** A counter for a predicate that never holds. */
export const NEVER: PrefixCounter = { total: 0, countBelow: () => 0 };
