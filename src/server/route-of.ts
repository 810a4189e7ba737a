import { DOCUMENTS } from '../generated/documents.js';
import { operationIndexOf } from '../openapi/operation-index.js';
import type { JournalEntry } from '../runtime/journal.js';
import { VENDOR_DESCRIPTORS, VENDORS } from '../vendors/vendor-descriptors.js';
import { mountOf } from './mount-of.js';

/** The server's mounts in routing order (the control API first), each with the document that routes it. */
const MOUNTS = [
  { vendor: 'admin' as const, basePath: '/__admin', document: DOCUMENTS.admin },
  ...VENDORS.map((vendor) => {
    const { basePath, spec } = VENDOR_DESCRIPTORS[vendor];
    return { vendor, basePath, document: DOCUMENTS[spec] };
  }),
];

/**
 * Who answers a request and the operation it routes to, as the server decides and the journal records
 * it, from the OpenAPI documents alone (no vendor code is loaded): the mount of the path, then the
 * operation in that API's document. A vendor's bare base path (`/api`) is no vendor's (the server's 404).
 *
 * @example
 * routeOf('GET', '/api/enrichment/run_1'); // { vendor: 'puffle', operation: 'puffleGetEnrichmentRun' }
 * routeOf('GET', '/nowhere'); // { vendor: 'unknown', operation: null }
 */
export function routeOf(
  method: string,
  pathname: string,
): { vendor: JournalEntry['vendor']; operation: string | null } {
  const mount = mountOf(pathname, MOUNTS);
  if (!mount || (mount.vendor !== 'admin' && pathname === mount.basePath))
    return { vendor: 'unknown', operation: null };
  const match = operationIndexOf(mount.document).match(method, pathname);
  return { vendor: mount.vendor, operation: match.kind === 'found' ? match.operation.id : null };
}
