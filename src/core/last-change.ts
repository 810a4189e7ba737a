import { cancelledBy, type Run } from './run.js';
import type { Schedule } from './schedule.js';

/**
 * The start of the latest wave below `started` that holds an item not skipped up front, when it is later
 * than `floor`; else `floor` (a wave of skipped items starts nothing one could see).
 */
function latestStartAfter(schedule: Schedule, started: number, floor: number): number {
  for (let wave = Math.ceil(started / schedule.wave) - 1; wave >= 0; wave--) {
    const from = wave * schedule.wave;
    const to = Math.min(started, from + schedule.wave);
    const at = schedule.outcome(from).start;
    if (at <= floor) return floor;
    if (schedule.skipped.countBelow(to) - schedule.skipped.countBelow(from) < to - from) return at;
  }
  return floor;
}

/**
 * The instant of the latest observable change of `run` at or before `t` (what `updatedAt` reports): its
 * creation, a wave of items starting (until a cancel), an item ending (the last one is the completion), or
 * its cancel. The backward twin of `nextChangeAfter`, from the same derived state.
 *
 * @example
 * lastChangeAt(run, clock.now()); // run.createdAt while pending, then moves with every start and end
 */
export function lastChangeAt(run: Run, t: number): number {
  if (run.dispatchError !== null || t < run.createdAt) return run.createdAt;
  const { schedule } = run;
  const cancelled = cancelledBy(run, t);
  const started = schedule.startedBy(cancelled ?? t);
  const ended = schedule.lastEndBy(t, started);
  const floor = Math.max(run.createdAt, ended ?? run.createdAt, cancelled ?? run.createdAt);
  return latestStartAfter(schedule, started, floor);
}
