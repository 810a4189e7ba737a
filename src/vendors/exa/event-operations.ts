import type { QueryParams } from '../../adapter/vendor-definition.js';
import { EXA_TAGS } from './exa-errors.js';
import type { ExaHandlers, ExaOperations } from './exa-handlers.js';
import { ok, scopeOf, type ExaDependencies } from './exa-scope.js';
import { eventLog, toEvent, type EventEntry } from './event-log.js';
import { listResponse } from './paginate.js';

/** Keeps the events a list query asks for: `types`, and the inclusive `createdAfter`/`createdBefore` bounds. */
function matches(query: QueryParams<ExaOperations['exaListEvents']>): (entry: EventEntry) => boolean {
  const types = query.types === undefined ? null : new Set<string>(query.types);
  const after = query.createdAfter === undefined ? -Infinity : Date.parse(query.createdAfter);
  const before = query.createdBefore === undefined ? Infinity : Date.parse(query.createdBefore);
  return (entry) => (types === null || types.has(entry.type)) && entry.at >= after && entry.at <= before;
}

/** `GET /websets/v0/events` (newest first) and `GET /websets/v0/events/{id}`, derived from the Websets. */
export function eventOperations(dependencies: ExaDependencies): ExaHandlers<'exaListEvents' | 'exaGetEvent'> {
  return {
    exaListEvents(context) {
      const scope = scopeOf(dependencies, context);
      const entries = eventLog(scope.websets.websets, scope.now).filter(matches(context.query));
      return listResponse(
        context,
        entries,
        (entry) => entry.id,
        (entry) => toEvent(entry, scope.items),
      );
    },
    exaGetEvent(context) {
      const scope = scopeOf(dependencies, context);
      const { id } = context.params;
      const entry = eventLog(scope.websets.websets, scope.now).find((candidate) => candidate.id === id);
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
