import { DOCUMENTS } from '../../generated/documents.js';
import { createOperationIndex, type OperationIndex } from '../../openapi/operation-index.js';
import type { JournalEntry } from '../../runtime/journal.js';
import { byVendor, VENDOR_DESCRIPTORS } from '../../vendors/vendor-descriptors.js';

type RoutedVendor = Exclude<JournalEntry['vendor'], 'unknown'>;

/** Each API's operations, from the OpenAPI document that declares them. */
const INDEXES: Record<RoutedVendor, OperationIndex> = {
  ...byVendor((vendor) => createOperationIndex(DOCUMENTS[VENDOR_DESCRIPTORS[vendor].spec])),
  admin: createOperationIndex(DOCUMENTS.admin),
};

/**
 * The journal filter for `?operation=<operationId>`: keeps the entries whose method and path route to that
 * operation in its API's document. Entries do not store their operation, so each is routed again (a few
 * microseconds an entry). An operationId no document declares gives `{ unknown: [every known id] }`.
 *
 * @example
 * const filter = operationFilter('puffleCreateEnrichmentRun');
 * if ('keep' in filter) entries.filter(filter.keep);
 */
export function operationFilter(
  operationId: string,
): { keep: (entry: JournalEntry) => boolean } | { unknown: string[] } {
  const found = Object.entries(INDEXES).find(([, index]) => index.find(operationId) !== undefined);
  if (!found) {
    return { unknown: Object.values(INDEXES).flatMap((index) => index.operations.map(({ id }) => id)) };
  }
  const [vendor, index] = found;
  return {
    keep: (entry) => {
      if (entry.vendor !== vendor) return false;
      const match = index.match(entry.request.method, entry.request.path);
      return match.kind === 'found' && match.operation.id === operationId;
    },
  };
}
