import type { TimingModel } from '../scenario/types.js';
import { boundsMs, sampleMs } from './distribution.js';
import { createPrefixCounter, NEVER, type PrefixCounter } from './prefix-counter.js';
import { mix, toUnit } from './random.js';

/**
 * When each item of a run starts and ends, and whether it fails: a closed form over the item index.
 * Items start in waves of `concurrency` items, one wave every typical item duration, from the run's start,
 * whether or not the previous wave has ended: `concurrency` is a start rate (at most that many starts in
 * any span of one wave interval), and the number in flight is exactly `concurrency` only when every item
 * takes the typical duration once. Slow items and retries overlap later waves. A slot model (an item
 * starts when another ends) would make each start depend on every earlier end: not derivable per index.
 * Nothing per item is stored; `failedBelow` and `skippedBelow` count in O(256) via prefix blocks.
 */
export interface Schedule {
  readonly size: number;
  /** Items per wave: the timing's concurrency as a whole number in [1, max(1, size)]. */
  readonly wave: number;
  /** Milliseconds between two waves' starts (the typical item duration; 0 starts every item at once). */
  readonly waveMs: number;
  /** The longest an item can take, all attempts included. */
  readonly maxItemMs: number;
  readonly runStart: number;
  /** The instant the last item ends (the run's natural completion). */
  readonly runEnd: number;
  /** The item's own timeline. */
  item(index: number): ItemTimeline;
  /** When the item starts and ends and whether it fails: `item` without the per-attempt detail, cheaper. */
  outcome(index: number): ItemOutcome;
  /** Items excluded from processing up front (already enriched), counted by index. */
  readonly skipped: PrefixCounter;
  isSkipped(index: number): boolean;
  /** Items at index < m (not skipped up front) whose every attempt fails. */
  readonly failed: PrefixCounter;
  /** Number of items that have started by `t` (whatever their fate). */
  startedBy(t: number): number;
  /** Counts items (not skipped up front) below `limit` that have ended by `t`, split by outcome. */
  endedBy(t: number, limit: number): { completed: number; failed: number };
  /** The latest instant <= `t` at which an item (not skipped up front) below `limit` ended; null if none. */
  lastEndBy(t: number, limit: number): number | null;
  /** Every item below this index has ended by `t` (or was skipped up front). */
  allEndedBelow(t: number): number;
  /** No item at or above this index has ended by `t`. */
  noneEndedFrom(t: number): number;
}

export interface ItemOutcome {
  start: number;
  end: number;
  failed: boolean;
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

/** A whole number >= 1 from a scenario count (NaN and fractions included). */
const atLeastOne = (value: number): number => (value >= 1 ? Math.floor(value) : 1);

/**
 * Builds the schedule of a run. O(size) once (the prefix blocks), O(1) memory per 256 items.
 * A run whose every item is skipped up front starts and completes at creation.
 *
 * @example
 * const schedule = createSchedule({ key: 42, size: 1_000, createdAt: 0, timing });
 * schedule.startedBy(schedule.runStart); // the first wave: `timing.concurrency` items
 */
export function createSchedule(input: ScheduleInput): Schedule {
  return new WaveSchedule(input);
}

/**
 * The schedule as a class: its methods live once on the prototype instead of as closures per run (which
 * tsx's keep-names transform makes cost ~250 bytes each), so ten thousand live runs stay small.
 */
class WaveSchedule implements Schedule {
  readonly size: number;
  readonly runStart: number;
  readonly runEnd: number;
  readonly skipped: PrefixCounter;
  readonly failed: PrefixCounter;
  private readonly key: number;
  private readonly timing: TimingModel;
  private readonly skipPredicate: ((index: number) => boolean) | null;
  readonly wave: number;
  readonly waveMs: number;
  private readonly waveCount: number;
  private readonly maxAttempts: number;
  private readonly rate: number;
  private readonly minItem: number;
  private readonly maxItem: number;

  get maxItemMs(): number {
    return this.maxItem;
  }

  constructor({ key, size, createdAt, timing, isSkipped }: ScheduleInput) {
    const duration = boundsMs(timing.itemDuration);
    this.key = key;
    this.size = size;
    this.timing = timing;
    this.skipPredicate = isSkipped ?? null;
    this.wave = Math.min(Math.max(1, size), atLeastOne(timing.concurrency));
    this.waveMs = duration.typical;
    this.waveCount = Math.ceil(size / this.wave);
    this.maxAttempts = atLeastOne(timing.failure.maxAttempts);
    this.rate = timing.failure.rate > 0 ? timing.failure.rate : 0;
    this.minItem = duration.min;
    this.maxItem = duration.max * (this.rate > 0 ? this.maxAttempts : 1);
    this.skipped = isSkipped ? createPrefixCounter(size, isSkipped) : NEVER;
    const processed = size - this.skipped.total;
    this.runStart =
      processed === 0 ? createdAt : createdAt + sampleMs(timing.queueWait, toUnit(mix(key, 0x51)));
    this.failed =
      this.rate > 0
        ? createPrefixCounter(size, (i) => !this.isSkipped(i) && this.attemptsOf(mix(key, i)) < 0)
        : NEVER;

    let runEnd = this.runStart;
    // Only the last waves can hold the latest end, unless items were skipped up front (then scan them all).
    const lastWaves =
      this.waveMs === 0 || isSkipped
        ? this.waveCount
        : Math.ceil((this.maxItem - this.minItem) / this.waveMs) + 1;
    for (let i = Math.max(0, (this.waveCount - lastWaves) * this.wave); i < size; i++) {
      if (this.isSkipped(i)) continue;
      const itemKey = mix(key, i);
      runEnd = Math.max(runEnd, this.endOf(i, itemKey, Math.abs(this.attemptsOf(itemKey))));
    }
    this.runEnd = runEnd;
  }

  isSkipped(index: number): boolean {
    return this.skipPredicate !== null && this.skipPredicate(index);
  }

  private startOf(index: number): number {
    return this.runStart + Math.floor(index / this.wave) * this.waveMs;
  }

  /** Attempts the item makes; negative when every one of them fails. No allocation: this is the hot path. */
  private attemptsOf(itemKey: number): number {
    if (this.rate === 0) return 1;
    const failureKey = mix(itemKey, FAILURE);
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      if (toUnit(mix(failureKey, attempt)) >= this.rate) return attempt;
    }
    return -this.maxAttempts;
  }

  /** When the item's last attempt ends; each attempt's end is also pushed onto `attemptEnds` when given. */
  private endOf(index: number, itemKey: number, attempts: number, attemptEnds?: number[]): number {
    const durationKey = mix(itemKey, DURATION);
    let end = this.startOf(index);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      end += sampleMs(this.timing.itemDuration, toUnit(mix(durationKey, attempt)));
      attemptEnds?.push(end);
    }
    return end;
  }

  item(index: number): ItemTimeline {
    const itemKey = mix(this.key, index);
    const made = this.attemptsOf(itemKey);
    const attempts = Math.abs(made);
    const attemptEnds: number[] = [];
    const end = this.endOf(index, itemKey, attempts, attemptEnds);
    const failed = made < 0;
    return {
      start: this.startOf(index),
      end,
      attempts,
      attemptEnds,
      failed,
      failureDraw: failed ? toUnit(mix(itemKey, MESSAGE)) : 0,
    };
  }

  outcome(index: number): ItemOutcome {
    const itemKey = mix(this.key, index);
    const made = this.attemptsOf(itemKey);
    return { start: this.startOf(index), end: this.endOf(index, itemKey, Math.abs(made)), failed: made < 0 };
  }

  startedBy(t: number): number {
    if (t < this.runStart || this.size === 0) return 0;
    if (this.waveMs === 0) return this.size;
    return Math.min(this.size, (Math.floor((t - this.runStart) / this.waveMs) + 1) * this.wave);
  }

  /**
   * Waves whose items, if each took `itemMs`, have ended by `t`. With the longest item time: the waves
   * whose every item has surely ended; with the shortest: the first wave none of whose items can have.
   */
  private wavesEndedBy(t: number, itemMs: number): number {
    const since = t - this.runStart;
    if (since < itemMs) return 0;
    return this.waveMs === 0
      ? this.waveCount
      : Math.min(this.waveCount, Math.floor((since - itemMs) / this.waveMs) + 1);
  }

  endedBy(t: number, limit: number): { completed: number; failed: number } {
    const fullEnd = Math.min(limit, this.wavesEndedBy(t, this.maxItem) * this.wave);
    let failedCount = this.failed.countBelow(fullEnd);
    let ended = fullEnd - this.skipped.countBelow(fullEnd);
    const partialEnd = Math.min(limit, this.wavesEndedBy(t, this.minItem) * this.wave);
    for (let i = fullEnd; i < partialEnd; i++) {
      if (this.isSkipped(i)) continue;
      const itemKey = mix(this.key, i);
      const made = this.attemptsOf(itemKey);
      if (this.endOf(i, itemKey, Math.abs(made)) <= t) {
        ended++;
        if (made < 0) failedCount++;
      }
    }
    return { completed: ended - failedCount, failed: failedCount };
  }

  lastEndBy(t: number, limit: number): number | null {
    let latest: number | null = null;
    // Downwards from the last item that can have ended; items start in index order, so once an item's
    // start plus the longest item time cannot beat the latest end found, no earlier item can either.
    for (let i = Math.min(limit, this.noneEndedFrom(t)) - 1; i >= 0; i--) {
      if (latest !== null && this.startOf(i) + this.maxItem <= latest) break;
      if (this.isSkipped(i)) continue;
      const itemKey = mix(this.key, i);
      const end = this.endOf(i, itemKey, Math.abs(this.attemptsOf(itemKey)));
      if (end <= t && (latest === null || end > latest)) latest = end;
    }
    return latest;
  }

  allEndedBelow(t: number): number {
    return Math.min(this.size, this.wavesEndedBy(t, this.maxItem) * this.wave);
  }

  noneEndedFrom(t: number): number {
    return Math.min(this.size, this.wavesEndedBy(t, this.minItem) * this.wave);
  }
}
