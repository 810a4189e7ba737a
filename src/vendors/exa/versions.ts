/** A record whose settings change over time: each version holds from its `from` instant on, oldest first. */
export interface Versioned<V extends { from: number }> {
  versions: readonly [V, ...V[]];
}

/**
 * The version of `record` in force at `t` (the first version before its creation): shared by Enrichments
 * and Webhooks.
 *
 * @example
 * versionAt(enrichment, now).description;
 * versionAt(webhook, at).url;
 */
export function versionAt<V extends { from: number }>(record: Versioned<V>, t: number): V {
  let current = record.versions[0];
  for (const version of record.versions) if (version.from <= t) current = version;
  return current;
}
