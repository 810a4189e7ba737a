import type { Run } from '../../core/run.js';
import type { components } from '../../generated/admin.types.js';
import type { ScenarioContext } from '../../runtime/mock-runtime.js';
import { isVendor, type Vendor } from '../../vendors/vendor-descriptors.js';
import type { AdminContext, AdminInput } from './admin-context.js';
import type { Reply } from '../../http/answer.js';
import { adminError } from './admin-error.js';
import { toIso } from '../../core/clock.js';
import { mergeSorted } from '../../core/merge-sorted.js';
import { compareText } from '../../core/compare-text.js';

type RunView = components['schemas']['Run'];
/** Where a run sits in the newest-first order: the key a cursor carries. */
type SortKey = [createdAt: number, scenario: string, tenant: string, sequence: number];

/** `map` over a sequence, lazily. */
function* mapLazily<T, U>(sequence: Iterable<T>, map: (entry: T) => U): Generator<U> {
  for (const entry of sequence) yield map(entry);
}

/** Newest first; ties by scenario and tenant, then the tenant's latest run first. */
function compareKeys(a: SortKey, b: SortKey): number {
  return b[0] - a[0] || compareText(a[1], b[1]) || compareText(a[2], b[2]) || b[3] - a[3];
}

const encodeCursor = (key: SortKey): string => Buffer.from(JSON.stringify(key)).toString('base64url');

function decodeCursor(cursor: string): SortKey | undefined {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const valid =
      Array.isArray(key) &&
      key.length === 4 &&
      typeof key[0] === 'number' &&
      typeof key[1] === 'string' &&
      typeof key[2] === 'string' &&
      typeof key[3] === 'number';
    return valid ? (key as SortKey) : undefined;
  } catch {
    return undefined;
  }
}

/** The run as the vendor shows it, in neutral words (the core's statuses are already the normalised ones). */
export function toRunView(context: ScenarioContext, run: Run): RunView {
  const state = context.simulator.state(run);
  return {
    id: run.id,
    vendor: run.vendor as Vendor,
    tenant: run.tenant,
    scenario: context.scenario.name,
    status: state.status,
    // An Exa Enrichment is itself the run; Puffle and Sendkit runs apply a catalog entry.
    enrichment: run.vendor === 'exa' ? run.id : run.enrichment.slug,
    leadCount: run.size,
    counts: state.counts,
    createdAt: toIso(run.createdAt),
    startedAt: toIso(state.startedAt),
    completedAt: toIso(state.completedAt),
    cancelledAt: toIso(state.cancelledAt),
  };
}

/**
 * `adminListRuns`: every vendor's runs in every scenario, newest first, filtered and paginated. Each
 * scenario's simulator walks its run index (per tenant and vendor when filtered) from the cursor, and the
 * scenarios' walks are merged lazily up to one run past the page: O(page + runs the status filter skips
 * + expired runs not swept yet), whatever the history. A run's status is derived per candidate, never
 * kept. Expired runs leave the index when the simulator sweeps (every 1,000 runs created), so a tenant
 * whose many runs expired with no run created since is walked past them one by one.
 */
export function createRunOperations(context: Pick<AdminContext, 'runtime'>) {
  return {
    adminListRuns: ({ query }: AdminInput): Reply => {
      const limit = Number(query['limit']);
      const cursor = typeof query['cursor'] === 'string' ? query['cursor'] : undefined;
      const after = cursor === undefined ? undefined : decodeCursor(cursor);
      if (cursor !== undefined && after === undefined) {
        return adminError(
          'VALIDATION_ERROR',
          'Invalid request: cursor is not one this server issued. Pass back the nextCursor of the previous page.',
          [{ path: 'cursor', message: 'cursor is not one this server issued' }],
        );
      }
      const text = (name: string): string | undefined =>
        typeof query[name] === 'string' ? query[name] : undefined;
      const filter = { tenant: text('tenant'), vendor: text('vendor') };
      const keyed = context.runtime
        .contexts()
        .filter((scenario) => query['scenario'] === undefined || scenario.scenario.name === query['scenario'])
        .map((scenario) => {
          const keyOf = (run: Run): SortKey => [
            run.createdAt,
            scenario.scenario.name,
            run.tenant,
            run.sequence,
          ];
          const isAfter = after && ((run: Run): boolean => compareKeys(after, keyOf(run)) < 0);
          return mapLazily(scenario.simulator.liveRunsNewestFirst(filter, isAfter), (run) => ({
            scenario,
            run,
            key: keyOf(run),
          }));
        });
      const page: RunView[] = [];
      let last: SortKey | undefined;
      for (const row of mergeSorted(keyed, (a, b) => compareKeys(a.key, b.key))) {
        if (!isVendor(row.run.vendor)) continue;
        const view = toRunView(row.scenario, row.run);
        if (query['status'] !== undefined && view.status !== query['status']) continue;
        if (page.length === limit) {
          const body: components['schemas']['RunList'] = {
            runs: page,
            nextCursor: last === undefined ? null : encodeCursor(last),
          };
          return { status: 200, body };
        }
        page.push(view);
        last = row.key;
      }
      const body: components['schemas']['RunList'] = { runs: page, nextCursor: null };
      return { status: 200, body };
    },
  };
}
