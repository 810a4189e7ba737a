import type { ConformanceReport, ReportFilter } from '../../conformance/report.js';
import type { Run } from '../../core/run.js';
import type { Runtime, ScenarioContext } from '../../runtime/mock-runtime.js';
import type { ScenarioRegistry } from '../scenario-registry.js';

/** How the journal was recorded: written into HAR exports so `replay` can rebuild the same mock. */
export interface RecordingInfo {
  /** The `--scenario` the server started with (a name or a path). */
  scenario: string;
  /** The seed in use at start-up. */
  seed: number;
  /** Where the server listens, for absolute URLs in HAR exports. */
  baseUrl: string;
}

/** Everything the control API reads and changes. */
export interface AdminContext {
  runtime: Runtime;
  scenarios: ScenarioRegistry;
  /** The enrichment-mock version. */
  version: string;
  /** Wall-clock milliseconds since the server started. */
  uptimeMs(): number;
  recording: RecordingInfo;
  /**
   * Moves the virtual clock to `target`, making the webhook deliveries due on the way (the answer waits for
   * them); without it the clock is simply set.
   */
  moveClock?(target: number): Promise<{ ok: true } | { ok: false; message: string }>;
  /** What the run's vendor answers for it now (see `VendorDefinition.describeRun`); null when not served. */
  describeRun?: (context: ScenarioContext, run: Run) => Record<string, unknown> | null;
  /** The conformance report of every client so far, narrowed by `filter` (see `runtimeReport`). */
  report(filter: ReportFilter): ConformanceReport;
}

/** The input of one control API operation, validated against `openapi/admin.yaml`. */
export interface AdminInput {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * The `tenant` and `vendor` filters a validated query gives; `isVendor` is the guard of the enum the
 * operation declares for `vendor` (which the control API's validator has already checked).
 *
 * @example
 * tenantVendorFilter({ vendor: 'puffle', limit: 5 }, isJournalVendor); // { vendor: 'puffle' }
 */
export function tenantVendorFilter<Vendor extends string>(
  query: AdminInput['query'],
  isVendor: (name: string) => name is Vendor,
): { tenant?: string; vendor?: Vendor } {
  const { tenant, vendor } = query;
  return {
    ...(typeof tenant === 'string' ? { tenant } : {}),
    ...(typeof vendor === 'string' && isVendor(vendor) ? { vendor } : {}),
  };
}

/**
 * The scenario a query names with `?scenario=`, else the active one.
 *
 * @example
 * scenarioNameOf({}, runtime); // runtime.active.name
 */
export const scenarioNameOf = (query: AdminInput['query'], runtime: Runtime): string =>
  typeof query['scenario'] === 'string' ? query['scenario'] : runtime.active.name;
