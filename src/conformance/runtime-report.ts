import type { VendorDefinition } from '../adapter/vendor-definition.js';
import type { Runtime } from '../runtime/mock-runtime.js';
import type { RecordedDelivery } from '../webhooks/outbox.js';
import { judge } from './judge.js';
import { fromJournalEntry } from './observed-exchange.js';
import { filterReport, type ConformanceReport, type ReportFilter } from './report.js';

/** Every webhook delivery attempt the vendors' APIs keep, across the runtime's scenario contexts. */
export function recordedDeliveries(
  runtime: Runtime,
  vendors: readonly VendorDefinition[],
): RecordedDelivery[] {
  return vendors.flatMap((vendor) => vendor.webhookFeed?.deliveries(runtime.contexts()) ?? []);
}

/**
 * The conformance report of a running mock: its journal and the webhook attempts given, judged,
 * narrowed by `filter`. Derived on each call (no second record), so it is bounded by the journal's limit.
 *
 * @example
 * runtimeReport(runtime, recordedDeliveries(runtime, vendors), { severity: 'error' }).findings;
 */
export function runtimeReport(
  runtime: Runtime,
  deliveries: readonly RecordedDelivery[],
  filter: ReportFilter = {},
): ConformanceReport {
  const report = judge({
    exchanges: runtime.journal.entries().map(fromJournalEntry),
    deliveries,
    dropped: runtime.journal.dropped,
  });
  return filterReport(report, filter);
}
