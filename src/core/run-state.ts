import { lastChangeAt } from './last-change.js';
import { cancelledBy, type ItemStatus, type Run, type RunStatus } from './run.js';

/** Per-status item counts; they always add up to the run's size. */
export interface Counts {
  pending: number;
  running: number;
  completed: number;
  failed: number;
  skipped: number;
}

/** A run as it stands at one instant. */
export interface RunState {
  status: RunStatus;
  counts: Counts;
  startedAt: number | null;
  completedAt: number | null;
  cancelledAt: number | null;
  updatedAt: number;
  error: string | null;
}

/** An item as it stands at one instant (its lead and result are attached by the simulator). */
export interface ItemState {
  index: number;
  status: ItemStatus;
  skippedReason: 'run_cancelled' | 'already_enriched' | null;
  attempts: number;
  startedAt: number | null;
  completedAt: number | null;
  updatedAt: number;
  error: string | null;
}

/** Instant before which items may start: a cancel stops new starts. */
function startCutoff(run: Run, t: number): number {
  return cancelledBy(run, t) ?? t;
}

/** The run's status at `t`. */
export function statusAt(run: Run, t: number): RunStatus {
  if (run.dispatchError !== null) return 'failed';
  if (cancelledBy(run, t) !== null) return 'cancelled';
  const { schedule } = run;
  if (t < schedule.runStart) return 'pending';
  if (t < schedule.runEnd) return 'running';
  const processed = run.size - schedule.skipped.total;
  return processed > 0 && schedule.failed.total === processed ? 'failed' : 'completed';
}

/** Item counts at `t`, in O(256 + partially finished waves). */
export function countsAt(run: Run, t: number): Counts {
  const { schedule, size } = run;
  const preSkipped = schedule.skipped.total;
  if (run.dispatchError !== null)
    return { pending: 0, running: 0, completed: 0, failed: size - preSkipped, skipped: preSkipped };
  const started = schedule.startedBy(startCutoff(run, t));
  const startedSkipped = schedule.skipped.countBelow(started);
  const ended = schedule.endedBy(t, started);
  const notStarted = size - started - (preSkipped - startedSkipped);
  const cancelled = cancelledBy(run, t) !== null;
  return {
    pending: cancelled ? 0 : notStarted,
    running: started - startedSkipped - ended.completed - ended.failed,
    completed: ended.completed,
    failed: ended.failed,
    skipped: preSkipped + (cancelled ? notStarted : 0),
  };
}

/** The run's ledger at `t`. */
export function runStateAt(run: Run, t: number): RunState {
  const status = statusAt(run, t);
  const { schedule } = run;
  const started =
    run.dispatchError === null && schedule.runStart <= startCutoff(run, t) ? schedule.runStart : null;
  let completedAt: number | null = null;
  if (status === 'cancelled') completedAt = run.cancelledAt;
  else if (status === 'completed' || status === 'failed')
    completedAt = run.dispatchError !== null ? run.createdAt : schedule.runEnd;
  const failedAll = status === 'failed' && run.dispatchError === null;
  return {
    status,
    counts: countsAt(run, t),
    startedAt: started,
    completedAt,
    cancelledAt: status === 'cancelled' ? run.cancelledAt : null,
    updatedAt: lastChangeAt(run, t),
    error: run.dispatchError ?? (failedAll ? `All ${run.size - schedule.skipped.total} items failed` : null),
  };
}

/** Item `index` of `run` at `t`. */
export function itemStateAt(run: Run, index: number, t: number): ItemState {
  const base = { index, attempts: 0, startedAt: null, completedAt: null, error: null };
  const { schedule } = run;
  // Leads excluded up front stay skipped even when the dispatch fails (as `countsAt` counts them).
  if (schedule.isSkipped(index)) {
    return { ...base, status: 'skipped', skippedReason: 'already_enriched', updatedAt: run.createdAt };
  }
  if (run.dispatchError !== null) {
    return {
      ...base,
      status: 'failed',
      skippedReason: null,
      completedAt: run.createdAt,
      updatedAt: run.createdAt,
      error: run.dispatchError,
    };
  }
  const timeline = schedule.item(index);
  const cancelled = cancelledBy(run, t);
  if (cancelled !== null && timeline.start > cancelled) {
    return { ...base, status: 'skipped', skippedReason: 'run_cancelled', updatedAt: cancelled };
  }
  if (t < timeline.start)
    return { ...base, status: 'pending', skippedReason: null, updatedAt: run.createdAt };
  if (t < timeline.end) {
    const attempt = timeline.attemptEnds.findIndex((end) => t < end) + 1;
    return {
      ...base,
      status: 'running',
      skippedReason: null,
      attempts: attempt,
      startedAt: timeline.start,
      // A retry is a change: the attempt before this one ended then.
      updatedAt: timeline.attemptEnds[attempt - 2] ?? timeline.start,
    };
  }
  const message = timeline.failed ? run.timing.failure.messages : [];
  return {
    index,
    status: timeline.failed ? 'failed' : 'completed',
    skippedReason: null,
    attempts: timeline.attempts,
    startedAt: timeline.start,
    completedAt: timeline.end,
    updatedAt: timeline.end,
    error: timeline.failed
      ? (message[Math.floor(timeline.failureDraw * message.length)] ?? 'Enrichment provider error')
      : null,
  };
}

/**
 * The instant item `index` completed by `t`, or null when it has not (yet): `itemStateAt`'s answer for
 * completed items, without building the item's state. For scans over whole runs (skip_existing).
 *
 * @example
 * completedAtOf(run, 0, clock.now()); // null until item 0 completes, then its completion instant
 */
export function completedAtOf(run: Run, index: number, t: number): number | null {
  const { schedule } = run;
  if (run.dispatchError !== null || schedule.isSkipped(index)) return null;
  const { start, end, failed } = schedule.outcome(index);
  if (failed || end > t) return null;
  const cancelled = cancelledBy(run, t);
  if (cancelled !== null && start > cancelled) return null;
  return end;
}
