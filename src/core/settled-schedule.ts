import type { PrefixCounter } from './prefix-counter.js';
import type { ItemOutcome, ItemTimeline, Schedule } from './schedule.js';

/**
 * A schedule cut short at `at`: every item not ended by then ends at that instant with the outcome it was
 * heading for (items not started yet start there too), so the run completes at `at`. Before `at` it
 * answers exactly as `schedule` does. This is how a cancel that loses its race to completion acts: the run
 * reads as completed from the cancel instant on, and its state stays a function of its plan, timing, seed,
 * events and the clock.
 *
 * @example
 * run.schedule = settleSchedule(run.schedule, clock.now());
 * run.schedule.runEnd; // clock.now()
 */
export function settleSchedule(schedule: Schedule, at: number): Schedule {
  return at >= schedule.runEnd ? schedule : new SettledSchedule(schedule, at);
}

class SettledSchedule implements Schedule {
  readonly runStart: number;
  readonly runEnd: number;

  constructor(
    private readonly inner: Schedule,
    private readonly at: number,
  ) {
    this.runStart = Math.min(inner.runStart, at);
    this.runEnd = at;
  }

  // What the cut leaves as it was: the run's shape and who is skipped or fails.
  get size(): number {
    return this.inner.size;
  }
  get wave(): number {
    return this.inner.wave;
  }
  get waveMs(): number {
    return this.inner.waveMs;
  }
  get maxItemMs(): number {
    return this.inner.maxItemMs;
  }
  get skipped(): PrefixCounter {
    return this.inner.skipped;
  }
  get failed(): PrefixCounter {
    return this.inner.failed;
  }

  item(index: number): ItemTimeline {
    const timeline = this.inner.item(index);
    if (timeline.end <= this.at) return timeline;
    const attemptEnds = [...timeline.attemptEnds.filter((end) => end < this.at), this.at];
    return {
      ...timeline,
      start: Math.min(timeline.start, this.at),
      end: this.at,
      attempts: attemptEnds.length,
      attemptEnds,
    };
  }

  outcome(index: number): ItemOutcome {
    const outcome = this.inner.outcome(index);
    if (outcome.end <= this.at) return outcome;
    return { start: Math.min(outcome.start, this.at), end: this.at, failed: outcome.failed };
  }

  isSkipped(index: number): boolean {
    return this.inner.isSkipped(index);
  }

  startedBy(t: number): number {
    return t >= this.at ? this.size : this.inner.startedBy(t);
  }

  endedBy(t: number, limit: number): { completed: number; failed: number } {
    if (t < this.at) return this.inner.endedBy(t, limit);
    const failed = this.failed.countBelow(limit);
    return { completed: limit - this.skipped.countBelow(limit) - failed, failed };
  }

  lastEndBy(t: number, limit: number): number | null {
    if (t < this.at) return this.inner.lastEndBy(t, limit);
    const ended = this.inner.endedBy(this.at, limit);
    const cut = limit - this.skipped.countBelow(limit) > ended.completed + ended.failed;
    return cut ? this.at : this.inner.lastEndBy(this.at, limit);
  }

  allEndedBelow(t: number): number {
    return t >= this.at ? this.size : this.inner.allEndedBelow(t);
  }

  noneEndedFrom(t: number): number {
    return t >= this.at ? this.size : this.inner.noneEndedFrom(t);
  }
}
