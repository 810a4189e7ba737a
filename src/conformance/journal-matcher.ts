import type { components } from '../generated/admin.types.js';
import type { JournalEntry } from '../runtime/journal.js';

/** Which journal entries to count, as WireMock's verify does: every field given must match (admin.yaml's `JournalMatcher`). */
export type JournalMatcher = components['schemas']['JournalMatcher'];

/**
 * A test for entries matching `matcher`, or an error message when its `pathPattern` is not a regular expression.
 *
 * @example
 * const test = entryMatcher({ operation: 'puffleGetEnrichmentRun', status: 200 });
 * if (typeof test !== 'string') entries.filter(test).length;
 */
export function entryMatcher(matcher: JournalMatcher): ((entry: JournalEntry) => boolean) | string {
  let pattern: RegExp | undefined;
  if (matcher.pathPattern !== undefined) {
    try {
      pattern = new RegExp(`^(?:${matcher.pathPattern})$`);
    } catch (error) {
      return `pathPattern is not a regular expression: ${(error as Error).message}. Escape special characters or use path for an exact path.`;
    }
  }
  const method = matcher.method?.toUpperCase();
  return (entry) =>
    (matcher.vendor === undefined || entry.vendor === matcher.vendor) &&
    (matcher.operation === undefined || entry.operation === matcher.operation) &&
    (method === undefined || entry.request.method.toUpperCase() === method) &&
    (matcher.path === undefined || entry.request.path === matcher.path) &&
    (pattern === undefined || pattern.test(entry.request.path)) &&
    (matcher.status === undefined || entry.response.status === matcher.status) &&
    (matcher.tenant === undefined || entry.tenant === matcher.tenant);
}

/**
 * How many of `entries` match `matcher`; throws a `TypeError` for a `pathPattern` that is not a regular expression.
 *
 * @example
 * countEntries(mock.journal.entries(), { vendor: 'puffle', method: 'POST', status: 200 }); // 1
 */
export function countEntries(entries: readonly JournalEntry[], matcher: JournalMatcher): number {
  const test = entryMatcher(matcher);
  if (typeof test === 'string') throw new TypeError(`Cannot count journal entries: ${test}`);
  return entries.filter(test).length;
}
