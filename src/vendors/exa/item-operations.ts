import type { VendorFailure } from '../../adapter/vendor-definition.js';
import type { VendorReply } from '../../adapter/vendor-definition.js';
import { EXA_TAGS } from './exa-errors.js';
import { itemId, itemIndex } from './exa-ids.js';
import type { ExaHandlers, WebsetPartContext } from './exa-handlers.js';
import { findWebset, isWebset, ok, scopeOf, type ExaDependencies } from './exa-scope.js';
import { listResponse } from './paginate.js';
import { toItem, type WebsetItem } from './to-item.js';
import { itemExistsAt, type WebsetRecord } from './webset-store.js';

/** The indexes of the Webset's Items that exist at `t`, from `from` on: O(what is read + deleted Items skipped). */
function* itemsFrom(webset: WebsetRecord, from: number, t: number): Generator<number> {
  for (let index = from; index < webset.list.size; index++) if (itemExistsAt(webset, index, t)) yield index;
}

/** `GET .../items` (oldest first, paginated by item id), `GET .../items/{id}` and `DELETE .../items/{id}`. */
export function itemOperations(
  dependencies: ExaDependencies,
): ExaHandlers<'exaListItems' | 'exaGetItem' | 'exaDeleteItem'> {
  /** Runs `act` on the Item named by the path, as it is now, or answers its 404. */
  const withItem =
    <Result extends VendorReply>(
      act: (webset: WebsetRecord, index: number, item: WebsetItem, now: number) => Result,
    ) =>
    (context: WebsetPartContext): Result | VendorFailure => {
      const scope = scopeOf(dependencies, context);
      const webset = findWebset(context, scope, context.params.webset);
      if (!isWebset(webset)) return webset;
      const { id } = context.params;
      const index = itemIndex(webset.itemPrefix, id);
      const item = index === undefined ? undefined : toItem(scope.items, webset, index, scope.now);
      if (index === undefined || !item) {
        return context.fail(
          404,
          EXA_TAGS.notFound,
          `Item ${id} not found in Webset ${webset.id}. List the Items with GET /websets/v0/websets/${webset.id}/items.`,
        );
      }
      return act(webset, index, item, scope.now);
    };

  return {
    exaListItems(context) {
      const scope = scopeOf(dependencies, context);
      const webset = findWebset(context, scope, context.params.webset);
      if (!isWebset(webset)) return webset;
      const { sourceId } = context.query;
      const fromSource = sourceId === undefined || sourceId === webset.search?.id;
      const walk = (cursor: string | undefined): Iterable<number> | undefined => {
        const named = cursor === undefined ? -1 : (itemIndex(webset.itemPrefix, cursor) ?? -2);
        if (cursor !== undefined && !(fromSource && itemExistsAt(webset, named, scope.now))) return undefined;
        return fromSource ? itemsFrom(webset, named + 1, scope.now) : [];
      };
      return listResponse(
        context,
        walk,
        (index) => itemId(webset.itemPrefix, index),
        (index) => {
          const item = toItem(scope.items, webset, index, scope.now);
          if (!item)
            throw new Error(
              `Item ${index} of Webset ${webset.id} was listed but has no lead: the listing and the Items disagree.`,
            );
          return item;
        },
      );
    },
    exaGetItem: withItem((_webset, _index, item) => ok(item)),
    exaDeleteItem: withItem((webset, index, item, now) => {
      webset.deletedItems.set(index, now);
      return ok(item);
    }),
  };
}
