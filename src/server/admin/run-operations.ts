import type { Run } from '../../core/run.js';
import type { components } from '../../generated/admin.types.js';
import type { ScenarioContext } from '../../runtime/mock-runtime.js';
import { isVendor, type Vendor } from '../../vendors/vendor-descriptors.js';
import type { AdminContext, AdminInput } from './admin-context.js';
import type { Reply } from '../../http/answer.js';
import { adminError } from './admin-error.js';
import { toIso } from '../../core/clock.js';

type RunView = components['schemas']['Run'];
/** Where a run sits in the newest-first order: the key a cursor carries. */
type SortKey = [createdAt: number, scenario: string, tenant: string, sequence: number];

/** Newest first; ties by scenario and tenant, then the tenant's latest run first. */
function compareKeys(a: SortKey, b: SortKey): number {
  return b[0] - a[0] || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]) || b[3] - a[3];
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

/** `adminListRuns`: every vendor's runs in every scenario, newest first, filtered and paginated. */
export function createRunOperations(context: AdminContext) {
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
      const rows = context.runtime
        .contexts()
        .flatMap((scenario) =>
          scenario.simulator.allRuns().map((run) => ({
            scenario,
            run,
            key: [run.createdAt, scenario.scenario.name, run.tenant, run.sequence] as SortKey,
          })),
        )
        .filter(
          ({ scenario, run }) =>
            isVendor(run.vendor) &&
            (query['scenario'] === undefined || scenario.scenario.name === query['scenario']) &&
            (query['tenant'] === undefined || run.tenant === query['tenant']) &&
            (query['vendor'] === undefined || run.vendor === query['vendor']),
        )
        .filter(({ key }) => after === undefined || compareKeys(after, key) < 0)
        .sort((a, b) => compareKeys(a.key, b.key));
      const page: RunView[] = [];
      let last: SortKey | undefined;
      for (const row of rows) {
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
