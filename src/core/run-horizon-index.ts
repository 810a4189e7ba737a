import type { Run } from './run.js';
import { prefixLength } from './sorted-prefix.js';

/**
 * Runs ordered by their horizon: the run's natural end when it was started, after which nothing about it
 * changes (commands only bring the end earlier: a cancel, a settled race, a deletion). Kept by the
 * commands that create and forget runs, never by the passing of time: a query at `t` reads the runs whose
 * horizon lies after `t`, in O(log runs + those runs), whatever the history before `t`.
 *
 * @example
 * const index = createRunHorizonIndex();
 * index.add(run);
 * index.endingAfter(clock.now()); // the runs that may still change
 */
export interface RunHorizonIndex {
  /** How many runs it holds. */
  readonly size: number;
  add(run: Run): void;
  /** Forgets one run (its tenant forgotten), if held: O(log runs + runs with its horizon). */
  delete(run: Run): void;
  /** Forgets every run `drop` holds for (expired, or no longer writing). */
  remove(drop: (run: Run) => boolean): void;
  clear(): void;
  /** The runs whose horizon is after `t` (a superset of those that change after `t`), by horizon. */
  endingAfter(t: number): Run[];
  /** Every run with its horizon, latest horizon first (for scans that stop once nothing later can win). */
  latestFirst(): Generator<[Run, number]>;
}

export function createRunHorizonIndex(): RunHorizonIndex {
  let horizons: number[] = [];
  let runs: Run[] = [];
  /** The horizon each run was added with: a settled race later moves its `schedule.runEnd` earlier. */
  const horizonOf = new Map<Run, number>();
  /** The first position whose horizon is above `t`. */
  const firstAbove = (t: number): number => prefixLength(horizons, (horizon) => horizon <= t);
  return {
    get size() {
      return runs.length;
    },
    add(run) {
      const horizon = run.schedule.runEnd;
      const at = firstAbove(horizon);
      horizons.splice(at, 0, horizon);
      runs.splice(at, 0, run);
      horizonOf.set(run, horizon);
    },
    delete(run) {
      const horizon = horizonOf.get(run);
      if (horizon === undefined) return;
      horizonOf.delete(run);
      for (let at = prefixLength(horizons, (other) => other < horizon); horizons[at] === horizon; at++) {
        if (runs[at] !== run) continue;
        horizons.splice(at, 1);
        runs.splice(at, 1);
        return;
      }
    },
    remove(drop) {
      const kept: number[] = [];
      runs.forEach((run, i) => {
        if (!drop(run)) kept.push(i);
        else horizonOf.delete(run);
      });
      horizons = kept.map((i) => horizons[i] ?? Infinity);
      runs = kept.flatMap((i) => runs[i] ?? []);
    },
    clear() {
      horizons = [];
      runs = [];
      horizonOf.clear();
    },
    endingAfter: (t) => runs.slice(firstAbove(t)),
    *latestFirst() {
      for (let i = runs.length - 1; i >= 0; i--) {
        const run = runs[i];
        if (run !== undefined) yield [run, horizons[i] ?? Infinity];
      }
    },
  };
}
