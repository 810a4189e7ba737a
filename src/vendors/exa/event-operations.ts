import type { OperationHandler } from '../../adapter/vendor-definition.js';
import { EXA_TAGS } from './exa-errors.js';
import { ok, scopeOf, type ExaDependencies } from './exa-scope.js';
import { eventLog, toEvent, type EventEntry } from './event-log.js';
import { listResponse } from './paginate.js';

/** Keeps the events a list query asks for: `types`, and the inclusive `createdAfter`/`createdBefore` bounds. */
function matches(query: Record<string, unknown>): (entry: EventEntry) => boolean {
  const types = Array.isArray(query['types']) ? new Set<unknown>(query['types']) : null;
  const after = typeof query['createdAfter'] === 'string' ? Date.parse(query['createdAfter']) : -Infinity;
  const before = typeof query['createdBefore'] === 'string' ? Date.parse(query['createdBefore']) : Infinity;
  return (entry) => (types === null || types.has(entry.type)) && entry.at >= after && entry.at <= before;
}

/** `GET /websets/v0/events` (newest first) and `GET /websets/v0/events/{id}`, derived from the Websets. */
export function eventOperations(dependencies: ExaDependencies): Record<string, OperationHandler> {
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
      const id = String(context.params['id']);
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
