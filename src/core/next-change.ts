import { boundsMs } from './distribution.js';
import type { Run } from './run.js';
import { statusAt } from './run-state.js';

/**
 * The first instant after `t` at which something observable about `run` changes (it starts, a wave of
 * items starts, an item ends, the run ends), or null when nothing will change any more. Lets a virtual
 * clock jump straight to the next interesting moment instead of being stepped.
 */
export function nextChangeAfter(run: Run, t: number): number | null {
  if (run.dispatchError !== null || run.deletedAt !== null) return null;
  const { schedule } = run;
  let next = Number.POSITIVE_INFINITY;
  const consider = (instant: number): void => {
    if (instant > t && instant < next) next = instant;
  };
  const cutoff = run.cancelledAt ?? Number.POSITIVE_INFINITY;
  if (schedule.runStart <= cutoff) consider(schedule.runStart);
  const wave = Math.max(1, Math.floor(run.timing.concurrency));
  const duration = boundsMs(run.timing.itemDuration);
  const waveMs = duration.typical;
  const started = schedule.startedBy(Math.min(t, cutoff));
  if (started < run.size && waveMs > 0 && t >= schedule.runStart) {
    const nextWave = schedule.runStart + Math.ceil(started / wave) * waveMs;
    if (nextWave <= cutoff) consider(nextWave);
  }
  // Started items that have not ended yet: only the last few waves can hold them.
  const longest = duration.max * Math.max(1, run.timing.failure.maxAttempts);
  const wavesBack = waveMs > 0 ? Math.ceil(longest / waveMs) + 1 : Number.POSITIVE_INFINITY;
  const from = Math.max(0, Math.floor(started / wave) - wavesBack) * wave;
  for (let i = from; i < started; i++) {
    if (!schedule.isSkipped(i)) consider(schedule.item(i).end);
  }
  if (statusAt(run, t) === 'running') consider(schedule.runEnd);
  return Number.isFinite(next) ? next : null;
}
