/** Edit distance between two strings (insertions, deletions, substitutions), case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * The candidate closest to `word`, when it is close enough to be the intended one (a typo).
 *
 * @example
 * closest('itemDuraton', ['queueWait', 'itemDuration']); // 'itemDuration'
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    const score = distance(word, candidate);
    if (!best || score < best.score) best = { candidate, score };
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return best && best.score <= limit ? best.candidate : undefined;
}

/** Length of the common prefix of two strings, case-insensitive. */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i]?.toLowerCase() === b[i]?.toLowerCase()) i++;
  return i;
}

/**
 * `; did you mean "x"?` when a candidate is close, else an empty string. With `byPrefix`, long names
 * that are not close as a whole (`puffleCreateRun`) fall back to the candidates sharing the longest
 * prefix (at least 4 characters), at most 5 of them.
 *
 * @example
 * didYouMean('puffleCreateRun', ['puffleCreateEnrichmentRun', 'sendkitEnrichLeads'], { byPrefix: true });
 * // '; did you mean "puffleCreateEnrichmentRun"?'
 */
export function didYouMean(
  word: string,
  candidates: readonly string[],
  options: { byPrefix?: boolean } = {},
): string {
  const match = closest(word, candidates);
  if (match !== undefined) return `; did you mean "${match}"?`;
  if (!options.byPrefix) return '';
  const longest = Math.max(0, ...candidates.map((candidate) => commonPrefix(word, candidate)));
  if (longest < 4) return '';
  const matches = candidates.filter((candidate) => commonPrefix(word, candidate) === longest).slice(0, 5);
  return matches.length === 1
    ? `; did you mean "${matches[0]}"?`
    : `; did you mean one of ${matches.map((m) => `"${m}"`).join(', ')}?`;
}
