import type { TimingModel } from '../scenario/types.js';
import { boundsMs, sampleMs } from './distribution.js';
import { createPrefixCounter, NEVER, type PrefixCounter } from './prefix-counter.js';
import { mix, toUnit } from './random.js';

/**
 * When each item of a run starts and ends, and whether it fails: a closed form over the item index.
 * Items start in waves of `concurrency` items, one wave every typical item duration, from the run's start.
 * Nothing per item is stored; `failedBelow` and `skippedBelow` count in O(256) via prefix blocks.
 */
export interface Schedule {
  readonly size: number;
  readonly runStart: number;
  /** The instant the last item ends (the run's natural completion). */
  readonly runEnd: number;
  /** The item's own timeline. */
  item(index: number): ItemTimeline;
  /** Items excluded from processing up front (already enriched), counted by index. */
  readonly skipped: PrefixCounter;
  isSkipped(index: number): boolean;
  /** Items at index < m (not skipped up front) whose every attempt fails. */
  readonly failed: PrefixCounter;
  /** Number of items that have started by `t` (whatever their fate). */
  startedBy(t: number): number;
  /** Counts items (not skipped up front) below `limit` that have ended by `t`, split by outcome. */
  endedBy(t: number, limit: number): { completed: number; failed: number };
}

export interface ItemTimeline {
  start: number;
  end: number;
  attempts: number;
  /** Instant each attempt ended (the last one is `end`). */
  attemptEnds: number[];
  failed: boolean;
  /** Which of the failure messages the last failed attempt picked, as a uniform number. */
  failureDraw: number;
}

const DURATION = 0x1d;
const FAILURE = 0x2e;
const MESSAGE = 0x3f;

export interface ScheduleInput {
  /** Hash that identifies the run: every draw starts from it. */
  key: number;
  size: number;
  createdAt: number;
  timing: TimingModel;
  /** True for items excluded up front; omitted when none are. */
  isSkipped?: (index: number) => boolean;
}

/** Builds the schedule of a run. O(size) once (the prefix blocks), O(1) memory per 256 items. */
export function createSchedule({ key, size, createdAt, timing, isSkipped }: ScheduleInput): Schedule {
  const { failure } = timing;
  const wave = Math.max(1, Math.floor(timing.concurrency));
  const duration = boundsMs(timing.itemDuration);
  const waveMs = duration.typical;
  const maxAttempts = Math.max(1, Math.floor(failure.maxAttempts));
  const minItem = duration.min;
  const maxItem = duration.max * maxAttempts;
  const runStart = createdAt + sampleMs(timing.queueWait, toUnit(mix(key, 0x51)));
  const waveCount = Math.ceil(size / wave);

  const startOf = (index: number): number => runStart + Math.floor(index / wave) * waveMs;
  const item = (index: number): ItemTimeline => {
    const itemKey = mix(key, index);
    const start = startOf(index);
    const attemptEnds: number[] = [];
    let end = start;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      end += sampleMs(timing.itemDuration, toUnit(mix(mix(itemKey, DURATION), attempt)));
      attemptEnds.push(end);
      const fails = failure.rate > 0 && toUnit(mix(mix(itemKey, FAILURE), attempt)) < failure.rate;
      if (!fails) return { start, end, attempts: attempt, attemptEnds, failed: false, failureDraw: 0 };
    }
    return { start, end, attempts: maxAttempts, attemptEnds, failed: true, failureDraw: toUnit(mix(itemKey, MESSAGE)) };
  };
  const skippedAt = isSkipped ?? (() => false);
  const skipped = isSkipped ? createPrefixCounter(size, isSkipped) : NEVER;
  const failed = failure.rate > 0 ? createPrefixCounter(size, (i) => !skippedAt(i) && item(i).failed) : NEVER;

  const startedBy = (t: number): number => {
    if (t < runStart || size === 0) return 0;
    if (waveMs === 0) return size;
    return Math.min(size, (Math.floor((t - runStart) / waveMs) + 1) * wave);
  };

  // Waves whose every item has surely ended, and the first wave none of whose items can have ended.
  const waveRange = (t: number): { full: number; none: number } => {
    if (t < runStart) return { full: 0, none: 0 };
    if (waveMs === 0) return { full: t - runStart >= maxItem ? waveCount : 0, none: t - runStart >= minItem ? waveCount : 0 };
    const full = t - runStart >= maxItem ? Math.floor((t - runStart - maxItem) / waveMs) + 1 : 0;
    const none = t - runStart >= minItem ? Math.floor((t - runStart - minItem) / waveMs) + 1 : 0;
    return { full: Math.min(full, waveCount), none: Math.min(none, waveCount) };
  };

  const endedBy = (t: number, limit: number): { completed: number; failed: number } => {
    const { full, none } = waveRange(t);
    const fullEnd = Math.min(limit, full * wave);
    let failedCount = failed.countBelow(fullEnd);
    let ended = fullEnd - skipped.countBelow(fullEnd);
    const partialEnd = Math.min(limit, none * wave);
    for (let i = fullEnd; i < partialEnd; i++) {
      if (skippedAt(i)) continue;
      const timeline = item(i);
      if (timeline.end <= t) {
        ended++;
        if (timeline.failed) failedCount++;
      }
    }
    return { completed: ended - failedCount, failed: failedCount };
  };

  let runEnd = runStart;
  // Only the last waves can hold the latest end, unless items were skipped up front (then scan them all).
  const lastWaves = waveMs === 0 || isSkipped ? waveCount : Math.ceil((maxItem - minItem) / waveMs) + 1;
  for (let i = Math.max(0, (waveCount - lastWaves) * wave); i < size; i++) {
    if (!skippedAt(i)) runEnd = Math.max(runEnd, item(i).end);
  }

  return { size, runStart, runEnd, item, skipped, isSkipped: skippedAt, failed, startedBy, endedBy };
}
