import type { VendorDefinition } from '../adapter/vendor-definition.js';
import type { Runtime } from '../runtime/mock-runtime.js';
import { judge } from './judge.js';
import { fromJournalEntry } from './observed-exchange.js';
import { filterReport, type ConformanceReport, type ReportFilter } from './report.js';

/**
 * The conformance report of a running mock: its journal and the webhook delivery attempts the `vendors`
 * keep (across the runtime's scenario contexts), judged, narrowed by `filter`. Derived on each call (no
 * second record), so it is bounded by the journal's limit.
 *
 * @example
 * runtimeReport(runtime, vendors, { severity: 'error' }).findings;
 */
export function runtimeReport(
  runtime: Runtime,
  vendors: readonly VendorDefinition[],
  filter: ReportFilter = {},
): ConformanceReport {
  const contexts = runtime.contexts();
  const report = judge({
    exchanges: runtime.journal.entries().map(fromJournalEntry),
    deliveries: vendors.flatMap((vendor) => vendor.webhookFeed?.deliveries(contexts) ?? []),
    dropped: runtime.journal.dropped,
  });
  return filterReport(report, filter);
}
