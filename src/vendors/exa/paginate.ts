import type { RequestContext, VendorFailure, VendorSuccess } from '../../adapter/vendor-definition.js';
import { EXA_TAGS } from './exa-errors.js';

/** One page of a list paginated by the id of the last entry returned. */
export type Page<T> =
  { ok: true; data: T[]; hasMore: boolean; nextCursor: string | null } | { ok: false; message: string };

/** The message of a cursor that names no entry of the list. */
export const unknownCursorMessage = (cursor: string): string =>
  `cursor: unknown cursor "${cursor}". Pass the nextCursor of the previous page, or omit cursor for the first page.`;

/**
 * Entries from a cursor on: those after the entry whose id is `cursor` (all of them when absent), in the
 * list's order, lazily; undefined when `cursor` names no entry of the list. A list backed by an index
 * finds its cursor by id and walks from there, so a page costs the page, not the list.
 */
export type ListWalk<T> = (cursor: string | undefined) => Iterable<T> | undefined;

/**
 * The page of `limit` entries (all when absent) that `walk` gives after `cursor`. A cursor that names no
 * entry is refused, so a client learns its cursor went stale.
 *
 * @example
 * paginate(arrayWalk(['a', 'b', 'c'], (id) => id), (id) => id, 'a', 1); // { ok: true, data: ['b'], hasMore: true, nextCursor: 'b' }
 */
export function paginate<T>(
  walk: ListWalk<T>,
  idOf: (entry: T) => string,
  cursor: string | undefined,
  limit: number | undefined,
): Page<T> {
  const size = limit === undefined ? Infinity : Math.max(1, Math.floor(limit));
  const entries = walk(cursor);
  if (entries === undefined) return { ok: false, message: unknownCursorMessage(cursor ?? '') };
  const data: T[] = [];
  let hasMore = false;
  for (const entry of entries) {
    if (data.length === size) {
      hasMore = true;
      break;
    }
    data.push(entry);
  }
  const last = data.at(-1);
  return { ok: true, data, hasMore, nextCursor: hasMore && last !== undefined ? idOf(last) : null };
}

/**
 * A walk over a list held whole in an array, for lists that do not grow with history; the cursor is
 * found by a scan.
 */
export function arrayWalk<T>(entries: readonly T[], idOf: (entry: T) => string): ListWalk<T> {
  return (cursor) => {
    const at = cursor === undefined ? -1 : entries.findIndex((entry) => idOf(entry) === cursor);
    return cursor !== undefined && at < 0 ? undefined : entries.slice(at + 1);
  };
}

/**
 * The `{data, hasMore, nextCursor}` answer of an Exa list operation for the request's `cursor` and
 * `limit`, each entry rendered with `render`; an unknown cursor is a 400 `INVALID_REQUEST_PARAMS`.
 */
export function listResponse<T, Rendered>(
  context: RequestContext & { query: { cursor?: string; limit?: number } },
  walk: ListWalk<T>,
  idOf: (entry: T) => string,
  render: (entry: T) => Rendered,
): VendorSuccess<{ data: Rendered[]; hasMore: boolean; nextCursor: string | null }> | VendorFailure {
  const page = paginate(walk, idOf, context.query.cursor, context.query.limit);
  if (!page.ok) return context.fail(400, EXA_TAGS.invalidParams, page.message);
  return {
    status: 200,
    body: { data: page.data.map(render), hasMore: page.hasMore, nextCursor: page.nextCursor },
  };
}
