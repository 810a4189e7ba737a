/**
 * Merges sequences each sorted by `compare` into one sorted sequence, lazily: reading `n` entries costs
 * O(n × sequences), never more of any sequence than what comes out. Ties go to the earlier sequence.
 *
 * @example
 * [...mergeSorted([[1, 4], [2, 3]], (a, b) => a - b)]; // [1, 2, 3, 4]
 */
export function* mergeSorted<T>(
  sequences: readonly Iterable<T>[],
  compare: (a: T, b: T) => number,
): Generator<T> {
  const streams = sequences.map((sequence) => sequence[Symbol.iterator]());
  const heads = streams.map((stream) => stream.next());
  for (;;) {
    let pick = -1;
    heads.forEach((head, i) => {
      const best = heads[pick];
      if (!head.done && (best === undefined || best.done || compare(head.value, best.value) < 0)) pick = i;
    });
    const head = heads[pick];
    const stream = streams[pick];
    if (head === undefined || head.done || stream === undefined) return;
    yield head.value;
    heads[pick] = stream.next();
  }
}
