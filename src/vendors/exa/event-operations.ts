import type { QueryParams } from '../../adapter/vendor-definition.js';
import { EXA_TAGS } from './exa-errors.js';
import type { ExaHandlers, ExaOperations } from './exa-handlers.js';
import { ok, scopeOf, type ExaDependencies } from './exa-scope.js';
import type { EventIndex, EventQuery } from './event-index.js';
import { toEvent } from './event-log.js';
import { unknownCursorMessage } from './paginate.js';

/** The list query as the event index reads it: `types`, the inclusive `createdAfter`/`createdBefore` bounds, the page. */
function eventQuery(query: QueryParams<ExaOperations['exaListEvents']>): EventQuery {
  const instant = (value: string | undefined, absent: number): number =>
    value === undefined ? absent : Date.parse(value);
  return {
    types: query.types === undefined ? null : new Set<string>(query.types),
    after: instant(query.createdAfter, -Infinity),
    before: instant(query.createdBefore, Infinity),
    cursor: query.cursor,
    limit: query.limit === undefined ? undefined : Math.max(1, Math.floor(query.limit)),
  };
}

/**
 * `GET /websets/v0/events` (newest first) and `GET /websets/v0/events/{id}`, derived from the Websets
 * through the event index, so a read costs its page, not the history.
 */
export function eventOperations(
  dependencies: ExaDependencies,
  events: EventIndex,
): ExaHandlers<'exaListEvents' | 'exaGetEvent'> {
  return {
    exaListEvents(context) {
      const scope = scopeOf(dependencies, context);
      const query = eventQuery(context.query);
      const page = events.page(scope.websets, scope.now, query);
      if (!page.ok)
        return context.fail(400, EXA_TAGS.invalidParams, unknownCursorMessage(query.cursor ?? ''));
      const last = page.entries.at(-1);
      return ok({
        data: page.entries.map((entry) => toEvent(entry, scope.items)),
        hasMore: page.hasMore,
        nextCursor: page.hasMore && last !== undefined ? last.id : null,
      });
    },
    exaGetEvent(context) {
      const scope = scopeOf(dependencies, context);
      const { id } = context.params;
      const entry = events.find(scope.websets, scope.now, id);
      return entry
        ? ok(toEvent(entry, scope.items))
        : context.fail(
            404,
            EXA_TAGS.notFound,
            `Event ${id} not found. List the events with GET /websets/v0/events.`,
          );
    },
  };
}
