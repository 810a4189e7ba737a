import { countsAt, itemStateAt } from '../../core/run-state.js';
import type { Run } from '../../core/run.js';
import type { components } from '../../generated/admin.types.js';
import { scenarioNameOf, type AdminContext, type AdminInput } from './admin-context.js';
import type { Reply } from '../../http/answer.js';
import { adminError } from './admin-error.js';
import { toRunView } from './run-operations.js';

type RunTimeline = components['schemas']['RunTimeline'];
type TimelineItem = components['schemas']['TimelineItem'];

/** How many instants the progress curve samples, whatever the run's size. */
const PROGRESS_SAMPLES = 48;

/** Item `index`'s planned start and end (null when it never runs) and its status at `t`. */
function timelineItem(run: Run, index: number, t: number): TimelineItem {
  const state = itemStateAt(run, index, t);
  const runs = run.dispatchError === null && state.skippedReason === null;
  const planned = runs ? run.schedule.outcome(index) : null;
  return {
    index,
    status: state.status,
    attempts: state.attempts,
    startMs: planned?.start ?? null,
    endMs: planned?.end ?? null,
    failed: planned?.failed ?? state.status === 'failed',
    error: state.error,
  };
}

/** The run's counts at evenly spaced instants from its creation to its settling, as the schedule derives them. */
function progress(run: Run, settledAt: number): RunTimeline['progress'] {
  const to = Math.max(settledAt, run.createdAt + 1);
  const step = (to - run.createdAt) / (PROGRESS_SAMPLES - 1);
  return Array.from({ length: PROGRESS_SAMPLES }, (_, sample) => {
    const atMs = Math.round(run.createdAt + sample * step);
    return { atMs, counts: countsAt(run, atMs) };
  });
}

/**
 * `adminGetRunTimeline`: one run's derived schedule (start, natural end, cancel, completion), its counts at
 * 48 instants, the vendor's ledger and one page of items with their planned start and end. A page costs
 * O(limit), so a million-item run is read a page at a time, never item by item.
 */
export function createRunTimelineOperations({
  runtime,
  describeRun,
}: Pick<AdminContext, 'runtime' | 'describeRun'>) {
  return {
    adminGetRunTimeline: ({ params, query }: AdminInput): Reply => {
      const name = scenarioNameOf(query, runtime);
      const context = runtime.context(name);
      const id = String(params['id']);
      const run = context?.simulator.runById(id);
      if (!context || !run)
        return adminError(
          'NOT_FOUND',
          `Run not found - ${id} in scenario ${name}. List the runs with GET /__admin/runs and pass the run's scenario as ?scenario=.`,
        );
      const now = runtime.clock.now();
      const view = toRunView(context, run);
      const from = Math.min(Number(query['from']), run.size);
      const end = Math.min(run.size, from + Number(query['limit']));
      const items: TimelineItem[] = [];
      for (let index = from; index < end; index++) items.push(timelineItem(run, index, now));
      const { schedule } = run;
      const settledAt = run.dispatchError !== null ? run.createdAt : (run.cancelledAt ?? schedule.runEnd);
      const body: RunTimeline = {
        run: view,
        ledger: describeRun?.(context, run) ?? null,
        nowMs: now,
        schedule: {
          createdAtMs: run.createdAt,
          startMs: schedule.runStart,
          naturalEndMs: schedule.runEnd,
          cancelledAtMs: run.cancelledAt,
          completedAtMs: view.completedAt === null ? null : Date.parse(view.completedAt),
          waveSize: schedule.wave,
          waveMs: schedule.waveMs,
          maxItemMs: schedule.maxItemMs,
        },
        progress: progress(run, settledAt),
        items: { from, total: run.size, nextFrom: end < run.size ? end : null, entries: items },
      };
      return { status: 200, body };
    },
  };
}
