import { createOperationIndex } from '../openapi/operation-index.js';
import type { JournalEntry } from '../runtime/journal.js';
import type { RecordedSession } from '../server/replay/read-har.js';
import { createVendors } from '../vendors/registry.js';
import { judge } from './judge.js';
import { fromRecordedExchange } from './observed-exchange.js';
import type { ConformanceReport } from './report.js';

/** Routes a path to its vendor and operation by the vendors' OpenAPI documents (for HARs without `_operation`). */
function createRouter() {
  const mounts = createVendors().map((definition) => ({
    vendor: definition.vendor,
    basePath: definition.basePath,
    index: createOperationIndex(definition.document),
  }));
  return (method: string, path: string): { vendor: JournalEntry['vendor']; operation: string | null } => {
    if (path.startsWith('/__admin')) return { vendor: 'admin', operation: null };
    const mount = mounts.find(({ basePath }) => path.startsWith(`${basePath}/`));
    if (!mount) return { vendor: 'unknown', operation: null };
    const match = mount.index.match(method, path);
    return { vendor: mount.vendor, operation: match.kind === 'found' ? match.operation.id : null };
  };
}

/**
 * Judges a recorded session (a HAR file read back) offline: webhook attempts are not in a HAR, so
 * `webhook-receiver-failing` cannot be judged from one.
 *
 * @example
 * const read = readHar(text);
 * if (read.ok) console.log(harReport(read.session).findings);
 */
export function harReport(session: RecordedSession): ConformanceReport {
  const route = createRouter();
  return judge({
    exchanges: session.exchanges.map((exchange) => fromRecordedExchange(exchange, route)),
    dropped: session.dropped,
  });
}
