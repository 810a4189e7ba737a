import type { RaceModel } from '../scenario/types.js';
import { TERMINAL, type Run, type RunStatus } from './run.js';
import { runStateAt, statusAt, type RunState } from './run-state.js';
import { settleSchedule } from './settled-schedule.js';

export type CancelResult<Meta = unknown> =
  | { ok: true; run: Run<Meta>; state: RunState }
  | { ok: false; code: 'not_found' }
  | { ok: false; code: 'not_cancellable' | 'status_changed'; status: RunStatus };

/**
 * Cancels a pending or running run at `t`, with the scenario's race rules around its completion. A cancel
 * that loses its race completes the run at that instant (its remaining items finish then).
 *
 * @example
 * const result = cancelAt(run, clock.now(), scenario.races);
 * if (!result.ok && result.code === 'status_changed') result.status; // 'completed'
 */
export function cancelAt<Meta>(run: Run<Meta>, t: number, races: RaceModel): CancelResult<Meta> {
  const status = statusAt(run, t);
  const end = run.schedule.runEnd;
  if (run.dispatchError === null && run.cancelledAt === null) {
    const tieToCancel = t === end && races.tieBreak === 'cancel';
    const inWindow = t >= end - races.beforeCompletionMs && t <= end + races.afterCompletionMs;
    if (!tieToCancel && (inWindow || (races.cancelAlwaysLoses && t < end))) {
      // The cancel met the completion: the run completes now, and the answer names the status it has.
      run.schedule = settleSchedule(run.schedule, t);
      return { ok: false, code: 'status_changed', status: statusAt(run, t) };
    }
    if (tieToCancel || !TERMINAL.has(status)) {
      run.cancelledAt = t;
      return { ok: true, run, state: runStateAt(run, t) };
    }
  }
  return { ok: false, code: 'not_cancellable', status };
}
