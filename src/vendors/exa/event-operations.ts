import type { QueryParams } from '../../adapter/vendor-definition.js';
import { EXA_TAGS } from './exa-errors.js';
import type { ExaHandlers, ExaOperations } from './exa-handlers.js';
import { ok, scopeOf, type ExaDependencies } from './exa-scope.js';
import type { EventIndex, EventQuery } from './event-index.js';
import { toEvent } from './event-log.js';
import { listResponse } from './paginate.js';

/** The list query as the event index reads it: `types` and the inclusive `createdAfter`/`createdBefore` bounds. */
function eventQuery(query: QueryParams<ExaOperations['exaListEvents']>): EventQuery {
  const instant = (value: string | undefined, absent: number): number =>
    value === undefined ? absent : Date.parse(value);
  return {
    types: query.types === undefined ? null : new Set<string>(query.types),
    after: instant(query.createdAfter, -Infinity),
    before: instant(query.createdBefore, Infinity),
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
      return listResponse(
        context,
        events.walk(scope.websets, scope.now, eventQuery(context.query)),
        (entry) => entry.id,
        (entry) => toEvent(entry, scope.items),
      );
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
