import { cancelledBy, type ItemStatus, type Run } from './run.js';

/**
 * The smallest index >= `from` whose item may have `status` at `t`, or `run.size` when none can: every
 * index skipped over surely holds another status. With no status, `from` itself. O(1), except for
 * when leads were skipped up front or for `failed`: those jump through the run's prefix blocks.
 *
 * Where each status can live at `t` (items start in index order):
 * - pending: at or after the first item not yet started, unless the run is cancelled;
 * - running: between the items that have surely ended and the first not yet started;
 * - completed, failed: before the first item that cannot have ended (failed: only where every attempt fails);
 * - skipped: where the scenario skipped leads up front, and after the cancel's start cutoff.
 *
 * @example
 * for (let i = nextCandidate(run, 'running', t, 0); i < run.size; i = nextCandidate(run, 'running', t, i + 1)) {
 *   if (itemStateAt(run, i, t).status === 'running') ...
 * }
 */
export function nextCandidate(run: Run, status: ItemStatus | undefined, t: number, from: number): number {
  const { size, schedule } = run;
  const start = Math.max(0, Math.ceil(from));
  if (start >= size) return size;
  if (status === undefined) return start;
  const within = (index: number, end = size): number => (index < end ? index : size);
  const unskipped = (index: number): number => schedule.skipped.nextWithout(index);
  if (run.dispatchError !== null) {
    if (status === 'failed') return start;
    return status === 'skipped' ? within(schedule.skipped.nextFrom(start)) : size;
  }
  const cancelledAt = cancelledBy(run, t);
  const cancelled = cancelledAt !== null;
  const started = schedule.startedBy(cancelledAt ?? t);
  const ended = Math.min(started, schedule.noneEndedFrom(t));
  switch (status) {
    case 'pending':
      return cancelled ? size : within(unskipped(Math.max(start, started)));
    case 'running':
      return within(unskipped(Math.max(start, schedule.allEndedBelow(t))), started);
    case 'completed':
      return within(unskipped(start), ended);
    case 'failed':
      return within(schedule.failed.nextFrom(start), ended);
    case 'skipped':
      return within(Math.min(schedule.skipped.nextFrom(start), cancelled ? Math.max(start, started) : size));
  }
}
