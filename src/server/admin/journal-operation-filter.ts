import adminDocument from '../../generated/admin.document.js';
import { operationIndexOf } from '../../openapi/operation-index.js';
import { ALL_OPERATIONS } from '../../scenario/operations.js';

/** Every operationId a journal entry can name: the vendors' APIs', then the control API's. */
const KNOWN_OPERATIONS: readonly string[] = [
  ...ALL_OPERATIONS,
  ...operationIndexOf(adminDocument).operations.map(({ id }) => id),
];

/**
 * The journal filter for `?operation=<operationId>` (entries store the operation they routed to); an
 * operationId no document declares gives `{ unknown: [every known id] }`.
 *
 * @example
 * const filter = operationFilter('puffleCreateEnrichmentRun'); // { operation: 'puffleCreateEnrichmentRun' }
 * if (!('unknown' in filter)) journal.entries({ ...filter, limit: 10 });
 */
export function operationFilter(operationId: string): { operation: string } | { unknown: readonly string[] } {
  return KNOWN_OPERATIONS.includes(operationId) ? { operation: operationId } : { unknown: KNOWN_OPERATIONS };
}
