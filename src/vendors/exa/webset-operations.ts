import type { RequestContext } from '../../adapter/vendor-definition.js';
import type { ExaHandlers } from './exa-handlers.js';
import { findWebset, isWebset, ok, scopeOf, type ExaDependencies } from './exa-scope.js';
import { listResponse } from './paginate.js';
import { toWebset } from './to-webset.js';

/** Stops every Enrichment of the Webset still in flight (an Enrichment completing right now completes). */
function stopWork(
  context: RequestContext & { params: { id: string } },
  dependencies: ExaDependencies,
  remove: boolean,
) {
  const scope = scopeOf(dependencies, context);
  const webset = findWebset(context, scope, context.params.id);
  if (!isWebset(webset)) return { webset, scope };
  for (const enrichment of webset.enrichments) {
    if (!enrichment.run) continue;
    if (remove) scope.simulator.deleteRun(scope.key, enrichment.run.id, 'exa');
    else scope.simulator.cancelRun(scope.key, enrichment.run.id, 'exa');
  }
  if (remove) webset.deletedAt = scope.now;
  return { webset, scope };
}

/** The Webset operations other than create: list, get, update, delete and cancel. */
export function websetOperations(
  dependencies: ExaDependencies,
): ExaHandlers<
  'exaListWebsets' | 'exaGetWebset' | 'exaUpdateWebset' | 'exaDeleteWebset' | 'exaCancelWebset'
> {
  return {
    exaListWebsets(context) {
      const scope = scopeOf(dependencies, context);
      return listResponse(
        context,
        (cursor) => scope.websets.newestFirst(cursor),
        (webset) => webset.id,
        (webset) => toWebset(webset, scope.now),
      );
    },
    exaGetWebset(context) {
      const scope = scopeOf(dependencies, context);
      const webset = findWebset(context, scope, context.params.id);
      if (!isWebset(webset)) return webset;
      const { expand } = context.query;
      return ok(toWebset(webset, scope.now, expand?.includes('items') ? scope.items : undefined));
    },
    exaUpdateWebset(context) {
      const scope = scopeOf(dependencies, context);
      const webset = findWebset(context, scope, context.params.id);
      if (!isWebset(webset)) return webset;
      const { body } = context;
      if (body.metadata !== undefined) {
        webset.metadata = { ...body.metadata };
        webset.editedAt = scope.now;
      }
      return ok(toWebset(webset, scope.now));
    },
    exaDeleteWebset(context) {
      const { webset, scope } = stopWork(context, dependencies, true);
      return isWebset(webset) ? ok(toWebset(webset, scope.now)) : webset;
    },
    exaCancelWebset(context) {
      const { webset, scope } = stopWork(context, dependencies, false);
      return isWebset(webset) ? ok(toWebset(webset, scope.now)) : webset;
    },
  };
}
