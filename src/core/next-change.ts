import type { Run } from './run.js';
import { statusAt } from './run-state.js';

/**
 * The first instant after `t` at which something observable about `run` changes (it starts, a wave of
 * items starts, an attempt or an item ends, the run ends), or null when nothing will change any more.
 * Lets a virtual clock jump straight to the next interesting moment instead of being stepped.
 *
 * @example
 * const next = nextChangeAfter(run, clock.now());
 * if (next !== null) clock.set(next);
 */
export function nextChangeAfter(run: Run, t: number): number | null {
  if (run.dispatchError !== null || run.deletedAt !== null) return null;
  const { schedule } = run;
  const { wave, waveMs } = schedule;
  let next = Number.POSITIVE_INFINITY;
  const consider = (instant: number): void => {
    if (instant > t && instant < next) next = instant;
  };
  const cutoff = run.cancelledAt ?? Number.POSITIVE_INFINITY;
  if (schedule.runStart <= cutoff) consider(schedule.runStart);
  const started = schedule.startedBy(Math.min(t, cutoff));
  if (started < run.size && waveMs > 0 && t >= schedule.runStart) {
    const nextWave = schedule.runStart + Math.ceil(started / wave) * waveMs;
    if (nextWave <= cutoff) consider(nextWave);
  }
  // Started items that have not ended yet: only the last few waves can hold them.
  const wavesBack = waveMs > 0 ? Math.ceil(schedule.maxItemMs / waveMs) + 1 : Number.POSITIVE_INFINITY;
  const from = Math.max(0, Math.floor(started / wave) - wavesBack) * wave;
  for (let i = from; i < started; i++) {
    if (schedule.isSkipped(i)) continue;
    const { end, attemptEnds } = schedule.item(i);
    if (end <= t) continue;
    for (const attemptEnd of attemptEnds) consider(attemptEnd);
  }
  if (statusAt(run, t) === 'running') consider(schedule.runEnd);
  return Number.isFinite(next) ? next : null;
}
