import type { Run } from './run.js';
import { prefixLength } from './sorted-prefix.js';
import { compareText } from './compare-text.js';

/** Which runs a listing covers: one tenant's, one vendor's, both, or (neither set) every run. */
export interface RunFilter {
  tenant?: string | undefined;
  vendor?: string | undefined;
}

/**
 * The order runs are listed in, oldest first: creation instant, then tenant (descending), then the
 * tenant's sequence. Walked backwards it is the control API's newest-first order (tenants ascending).
 *
 * @example
 * runs.sort(compareRunAge); // oldest first
 */
export function compareRunAge(a: Run, b: Run): number {
  return a.createdAt - b.createdAt || compareText(b.tenant, a.tenant) || a.sequence - b.sequence;
}

/** The one sequence holding exactly the runs the filter covers. */
const streamFor = ({ tenant, vendor }: RunFilter): string =>
  tenant === undefined
    ? vendor === undefined
      ? ''
      : `v\u0000${vendor}`
    : vendor === undefined
      ? `t\u0000${tenant}`
      : `tv\u0000${tenant}\u0000${vendor}`;

/** The sequences a run belongs to: every run, its tenant's, its vendor's, and its tenant's of its vendor. */
const streamsOf = ({ tenant, vendor }: Run): string[] => [
  streamFor({}),
  streamFor({ tenant }),
  streamFor({ vendor }),
  streamFor({ tenant, vendor }),
];

/**
 * The runs a simulator knows, by id and as sorted sequences (all, per tenant, per vendor, per tenant and
 * vendor) kept by the commands that create and forget runs, never by the passing of time. A listing
 * walks the one sequence its filter names from its cursor, newest first: O(log runs + what it reads),
 * whatever the history. Whether a run is still visible (expired, status) is for the reader to judge.
 *
 * @example
 * const index = createRunListIndex();
 * index.add(run);
 * for (const run of index.newestFirst({ vendor: 'puffle' })) console.log(run.id);
 */
export function createRunListIndex() {
  const streams = new Map<string, Run[]>();
  const byId = new Map<string, Run>();
  return {
    add(run: Run): void {
      byId.set(run.id, run);
      for (const name of streamsOf(run)) {
        let runs = streams.get(name);
        if (!runs) streams.set(name, (runs = []));
        // Runs come mostly in creation order: the insertion point is at or near the end.
        runs.splice(
          prefixLength(runs, (other) => compareRunAge(other, run) <= 0),
          0,
          run,
        );
      }
    },
    /** Forgets one run (deleted by its client): O(log runs) to find it in each sequence. */
    delete(run: Run): void {
      if (byId.get(run.id) === run) byId.delete(run.id);
      for (const name of streamsOf(run)) {
        const runs = streams.get(name) ?? [];
        const at = prefixLength(runs, (other) => compareRunAge(other, run) < 0);
        if (runs[at] === run) runs.splice(at, 1);
      }
    },
    /** Forgets every run `drop` holds for (expired, or their tenant forgotten). */
    remove(drop: (run: Run) => boolean): void {
      for (const [name, runs] of streams) {
        const kept = runs.filter((run) => !drop(run));
        if (kept.length === 0) streams.delete(name);
        else streams.set(name, kept);
      }
      for (const [id, run] of byId) if (drop(run)) byId.delete(id);
    },
    clear(): void {
      streams.clear();
      byId.clear();
    },
    /** The run with this id, whichever tenant made it. */
    get: (id: string): Run | undefined => byId.get(id),
    /**
     * The runs `filter` covers, newest first, lazily. With `isAfter` (true for the runs past a cursor: it
     * must hold for every run older than one it holds for), the walk starts at the newest run past it.
     */
    *newestFirst(filter: RunFilter, isAfter?: (run: Run) => boolean): Generator<Run> {
      const runs = streams.get(streamFor(filter)) ?? [];
      const from = isAfter === undefined ? runs.length : prefixLength(runs, isAfter);
      for (let i = from - 1; i >= 0; i--) {
        const run = runs[i];
        if (run !== undefined) yield run;
      }
    },
  };
}

export type RunListIndex = ReturnType<typeof createRunListIndex>;
