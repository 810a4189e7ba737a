/** Values that `extends` replaces whole instead of merging key by key (distributions). */
const ATOMIC_KEYS: ReadonlySet<string> = new Set(['queueWait', 'itemDuration']);

/** Whether a parsed value is a mapping (an object, not an array or null). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Deep-merges `override` over `base` the way `extends` does: objects merge key by key, arrays and
 * distributions (`queueWait`, `itemDuration`) are replaced whole, `null` is a value like any other.
 * Neither input is modified.
 *
 * @example
 * mergeScenario({ races: { beforeCompletion: 0, tieBreak: 'completion' } }, { races: { beforeCompletion: '2s' } });
 * // { races: { beforeCompletion: '2s', tieBreak: 'completion' } }
 */
export function mergeScenario(base: unknown, override: unknown, key?: string): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override) || (key !== undefined && ATOMIC_KEYS.has(key)))
    return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(override)) merged[name] = mergeScenario(base[name], value, name);
  return merged;
}
