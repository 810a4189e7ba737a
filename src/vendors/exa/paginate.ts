import type { RequestContext, VendorFailure, VendorSuccess } from '../../adapter/vendor-definition.js';
import { EXA_TAGS } from './exa-errors.js';

/** One page of a list paginated by the id of the last entry returned. */
export type Page<T> =
  { ok: true; data: T[]; hasMore: boolean; nextCursor: string | null } | { ok: false; message: string };

/** The message of a cursor that names no entry of the list. */
export const unknownCursorMessage = (cursor: string): string =>
  `cursor: unknown cursor "${cursor}". Pass the nextCursor of the previous page, or omit cursor for the first page.`;

/**
 * The page after the entry whose id is `cursor` (from the start when absent), `limit` entries long.
 * An id that is not in the list is refused, so a client learns its cursor went stale.
 *
 * @example
 * paginate(['a', 'b', 'c'], (id) => id, 'a', 1); // { ok: true, data: ['b'], hasMore: true, nextCursor: 'b' }
 */
export function paginate<T>(
  entries: readonly T[],
  idOf: (entry: T) => string,
  cursor: string | undefined,
  limit: number | undefined,
): Page<T> {
  const size = limit === undefined ? entries.length : Math.max(1, Math.floor(limit));
  let start = 0;
  if (cursor !== undefined) {
    const at = entries.findIndex((entry) => idOf(entry) === cursor);
    if (at < 0) {
      return { ok: false, message: unknownCursorMessage(cursor) };
    }
    start = at + 1;
  }
  const data = entries.slice(start, start + size);
  const hasMore = start + size < entries.length;
  const last = data.at(-1);
  return { ok: true, data, hasMore, nextCursor: hasMore && last !== undefined ? idOf(last) : null };
}

/**
 * The `{data, hasMore, nextCursor}` answer of an Exa list operation for the request's `cursor` and
 * `limit`, each entry rendered with `render`; an unknown cursor is a 400 `INVALID_REQUEST_PARAMS`.
 */
export function listResponse<T, Rendered>(
  context: RequestContext & { query: { cursor?: string; limit?: number } },
  entries: readonly T[],
  idOf: (entry: T) => string,
  render: (entry: T) => Rendered,
): VendorSuccess<{ data: Rendered[]; hasMore: boolean; nextCursor: string | null }> | VendorFailure {
  const page = paginate(entries, idOf, context.query.cursor, context.query.limit);
  if (!page.ok) return context.fail(400, EXA_TAGS.invalidParams, page.message);
  return {
    status: 200,
    body: { data: page.data.map(render), hasMore: page.hasMore, nextCursor: page.nextCursor },
  };
}
