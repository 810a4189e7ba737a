import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemStatus, Run, RunStatus } from '../../src/core/run.js';
import {
  completedAtOf,
  countsAt,
  itemStateAt,
  runStateAt,
  statusAt,
  type Counts,
} from '../../src/core/run-state.js';
import type { CancelResult, Simulator } from '../../src/core/simulator.js';
import type { Distribution, RaceModel, TimingModel } from '../../src/scenario/types.js';
import { listFixture, START, tenantFixture, type ScenarioOverrides } from './scenario-fixture.js';
import { moveTo, runRequest, simulatorFixture } from './simulator-fixture.js';

/** Small integer durations, so every instant of a run can be visited. */
const distribution: fc.Arbitrary<Distribution> = fc.oneof(
  fc.integer({ min: 0, max: 20 }).map((ms): Distribution => ({ type: 'fixed', ms })),
  fc
    .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }))
    .map(([a, b]): Distribution => ({ type: 'uniform', minMs: Math.min(a, b), maxMs: Math.max(a, b) })),
  fc
    .record({
      medianMs: fc.integer({ min: 1, max: 15 }),
      sigma: fc.double({ min: 0, max: 1.5, noNaN: true }),
      maxMs: fc.integer({ min: 1, max: 40 }),
    })
    .map((d): Distribution => ({ type: 'lognormal', ...d })),
);

const timing: fc.Arbitrary<TimingModel> = fc.record({
  queueWait: distribution,
  itemDuration: distribution,
  concurrency: fc.integer({ min: 1, max: 8 }),
  failure: fc.record({
    rate: fc.oneof(fc.constantFrom(0, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    maxAttempts: fc.integer({ min: 1, max: 3 }),
    messages: fc.constantFrom(['boom'], ['a', 'b', 'c'], []),
  }),
});

interface Case {
  timing: TimingModel;
  races: RaceModel;
  size: number;
  written: number;
  preEnriched: number;
  writePolicy: 'overwrite' | 'skip_existing';
  /** An earlier overwrite run, and how long after it the checked run starts. */
  earlierRunGap: number | null;
  /** Cancel this long after the checked run's creation. */
  cancelAfter: number | null;
  dispatchFailure: boolean;
  seed: number;
}

const runCase: fc.Arbitrary<Case> = fc.record({
  timing,
  races: fc.record({
    beforeCompletionMs: fc.constantFrom(0, 0, 3),
    afterCompletionMs: fc.constantFrom(0, 0, 3),
    tieBreak: fc.constantFrom('completion' as const, 'cancel' as const),
    cancelAlwaysLoses: fc.boolean(),
  }),
  size: fc.integer({ min: 1, max: 30 }),
  written: fc.integer({ min: 0, max: 3 }),
  preEnriched: fc.constantFrom(0, 0.3, 1),
  writePolicy: fc.constantFrom('overwrite' as const, 'skip_existing' as const),
  earlierRunGap: fc.option(fc.integer({ min: 0, max: 120 })),
  cancelAfter: fc.option(fc.integer({ min: 0, max: 200 })),
  dispatchFailure: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

function scenarioOf(c: Case): ScenarioOverrides {
  const leads = Array.from({ length: Math.min(c.written, c.size) }, (_, i) => ({
    attributes: i % 2 === 0 ? { workEmail: `lead${i}@acme.com` } : {},
  }));
  return {
    seed: c.seed,
    races: c.races,
    timing: { default: c.timing },
    world: {
      defaults: tenantFixture({
        credits: 1_000_000,
        lists: [listFixture({ generate: c.size - leads.length, leads })],
        preEnriched: { workEmail: c.preEnriched },
      }),
    },
  };
}

/** Builds the run of a case through the simulator: earlier run, the run, then maybe a cancel. */
function build(c: Case): {
  sim: Simulator;
  clock: ReturnType<typeof simulatorFixture>['clock'];
  run: Run;
  cancel: CancelResult | null;
} {
  const { sim, clock } = simulatorFixture(scenarioOf(c));
  if (c.earlierRunGap !== null) {
    sim.startRuns('key_a', [runRequest()]);
    moveTo(clock, START + c.earlierRunGap);
  }
  const started = sim.startRuns('key_a', [
    runRequest({
      writePolicy: c.writePolicy,
      ...(c.dispatchFailure ? { dispatchFailure: 'dispatch refused' } : {}),
    }),
  ]);
  if (!started.ok || !started.runs[0]) throw new Error(`refused: ${JSON.stringify(started)}`);
  const run = started.runs[0];
  if (c.cancelAfter === null) return { sim, clock, run, cancel: null };
  moveTo(clock, run.createdAt + c.cancelAfter);
  return { sim, clock, run, cancel: sim.cancelRun('key_a', run.id, 'puffle') };
}

/** Every instant where something may change, one either side, and a little before and after. */
function instants(run: Run): number[] {
  const set = new Set<number>([run.createdAt - 1, run.createdAt, run.schedule.runStart, run.schedule.runEnd]);
  if (run.cancelledAt !== null) set.add(run.cancelledAt);
  for (let i = 0; i < run.size; i++) {
    const timeline = run.schedule.item(i);
    for (const at of [timeline.start, timeline.end, ...timeline.attemptEnds]) set.add(at);
  }
  const out = new Set<number>();
  for (const at of set) for (const d of [-1, 0, 1]) out.add(at + d);
  out.add(Math.max(...set) + 50);
  return [...out].sort((a, b) => a - b);
}

const bruteCounts = (run: Run, t: number): Counts => {
  const counts: Counts = { pending: 0, running: 0, completed: 0, failed: 0, skipped: 0 };
  for (let i = 0; i < run.size; i++) counts[itemStateAt(run, i, t).status]++;
  return counts;
};

/** The latest change by `t` seen item by item: creation, cancel, every item's start and end. */
const bruteUpdatedAt = (run: Run, t: number): number => {
  let latest = run.createdAt;
  if (run.cancelledAt !== null && run.cancelledAt <= t) latest = Math.max(latest, run.cancelledAt);
  for (let i = 0; i < run.size; i++) {
    const { startedAt, completedAt } = itemStateAt(run, i, t);
    latest = Math.max(latest, startedAt ?? latest, completedAt ?? latest);
  }
  return latest;
};

const itemRank: Record<ItemStatus, number> = { pending: 0, running: 1, completed: 2, failed: 2, skipped: 2 };
const runRank: Record<RunStatus, number> = { pending: 0, running: 1, completed: 2, failed: 2, cancelled: 2 };
const TERMINAL_RUN = new Set<RunStatus>(['completed', 'failed', 'cancelled']);

/** A cheap assertion for inner loops (expect() per item and instant is slow). */
function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

describe('run state (property-based)', () => {
  it('counts always sum to the run size and agree with a brute-force count over itemStateAt (and completedAtOf)', () => {
    fc.assert(
      fc.property(runCase, (c) => {
        const { run } = build(c);
        for (const t of instants(run)) {
          const counts = countsAt(run, t);
          expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(run.size);
          expect(counts).toEqual(bruteCounts(run, t));
          for (let i = 0; i < run.size; i++) {
            const item = itemStateAt(run, i, t);
            check(
              completedAtOf(run, i, t) === (item.status === 'completed' ? item.completedAt : null),
              () => `completedAtOf(${i}, ${t})`,
            );
          }
          expect(runStateAt(run, t).counts).toEqual(counts);
        }
      }),
      { seed: 801, numRuns: 300 },
    );
  });

  it('keeps statusAt consistent with the counts', () => {
    fc.assert(
      fc.property(runCase, (c) => {
        const { run } = build(c);
        // Before its creation a run has no life to be consistent about.
        for (const t of instants(run).filter((at) => at >= run.createdAt)) {
          const status = statusAt(run, t);
          const { pending, running, completed, failed } = countsAt(run, t);
          const state = runStateAt(run, t);
          expect(state.status).toBe(status);
          expect(state.completedAt !== null).toBe(TERMINAL_RUN.has(status));
          if (state.completedAt !== null)
            expect(state.completedAt).toBeLessThanOrEqual(Math.max(t, run.createdAt));
          if (state.startedAt !== null) expect(state.startedAt).toBeLessThanOrEqual(t);
          if (run.dispatchError !== null) {
            expect(status).toBe('failed');
            expect(state.error).toBe('dispatch refused');
            expect(pending + running + completed).toBe(0);
          } else if (run.cancelledAt !== null && run.cancelledAt <= t) {
            expect(status).toBe('cancelled');
            expect(state.cancelledAt).toBe(run.cancelledAt);
            expect(state.completedAt).toBe(run.cancelledAt);
            expect(pending).toBe(0);
          } else {
            expect(status === 'completed' || status === 'failed').toBe(pending + running === 0);
            if (status === 'failed') expect([completed, failed > 0]).toEqual([0, true]);
            if (status === 'completed') expect(completed > 0 || failed === 0).toBe(true);
            if (status === 'pending') expect(running + completed + failed).toBe(0);
            expect(status === 'pending').toBe(t < run.schedule.runStart);
          }
        }
      }),
      { seed: 802, numRuns: 300 },
    );
  });

  it('never moves an item or the run backwards in time', () => {
    fc.assert(
      fc.property(runCase, (c) => {
        const { run } = build(c);
        const maxAttempts = Math.max(1, c.timing.failure.maxAttempts);
        let previousRun: RunStatus | null = null;
        const previous = new Map<number, ReturnType<typeof itemStateAt>>();
        for (const t of instants(run)) {
          const status = statusAt(run, t);
          if (previousRun !== null) {
            check(
              runRank[status] >= runRank[previousRun],
              () => `run went ${previousRun} -> ${status} at ${t}`,
            );
            check(
              !TERMINAL_RUN.has(previousRun) || status === previousRun,
              () => `run left ${previousRun} at ${t}`,
            );
          }
          previousRun = status;
          for (let i = 0; i < run.size; i++) {
            const item = itemStateAt(run, i, t);
            const before = previous.get(i);
            const at = (): string =>
              `item ${i} at ${t}: ${JSON.stringify(before)} -> ${JSON.stringify(item)}`;
            if (before) {
              check(itemRank[item.status] >= itemRank[before.status], () => `went backwards, ${at()}`);
              check(
                itemRank[before.status] < 2 || JSON.stringify(item) === JSON.stringify(before),
                () => `left a final state, ${at()}`,
              );
              check(item.attempts >= before.attempts, () => `lost attempts, ${at()}`);
            }
            check(
              item.status !== 'running' || item.attempts >= 1,
              () => `running without an attempt, ${at()}`,
            );
            check(item.attempts <= maxAttempts, () => `too many attempts, ${at()}`);
            check(
              item.startedAt === null || item.completedAt === null || item.completedAt >= item.startedAt,
              () => `ended before it started, ${at()}`,
            );
            previous.set(i, item);
          }
        }
      }),
      { seed: 803, numRuns: 200 },
    );
  });

  it('lists, page by page and filtered by status, exactly the items itemStateAt describes', () => {
    fc.assert(
      fc.property(runCase, fc.integer({ min: 1, max: 7 }), (c, limit) => {
        const { sim, clock, run } = build(c);
        for (const t of instants(run).filter((at) => at >= clock.now())) {
          moveTo(clock, t);
          const states = Array.from({ length: run.size }, (_, i) => itemStateAt(run, i, t));
          for (const status of [undefined, 'pending', 'running', 'completed', 'failed', 'skipped'] as const) {
            const want = states
              .filter((state) => status === undefined || state.status === status)
              .map((s) => s.index);
            const got: number[] = [];
            let afterIndex = -1;
            for (;;) {
              const page = sim.items(run, { afterIndex, limit, ...(status ? { status } : {}) });
              expect(page.items.length).toBeLessThanOrEqual(limit);
              got.push(...page.items.map((item) => item.index));
              const last = page.items.at(-1);
              if (!page.hasMore || !last) break;
              afterIndex = last.index;
            }
            expect(got).toEqual(want);
          }
        }
      }),
      { seed: 804, numRuns: 60 },
    );
  });

  it('reports as updatedAt the latest change at or before t, item by item', () => {
    fc.assert(
      fc.property(runCase, (c) => {
        const { run } = build(c);
        for (const t of instants(run)) {
          check(
            runStateAt(run, t).updatedAt === bruteUpdatedAt(run, t),
            () => `updatedAt at ${t}: ${runStateAt(run, t).updatedAt} != ${bruteUpdatedAt(run, t)}`,
          );
        }
      }),
      { seed: 807, numRuns: 300 },
    );
  });

  it('reads a run whose cancel lost its race as completed from the race instant on', () => {
    let races = 0;
    fc.assert(
      fc.property(runCase, (c) => {
        const { run, cancel } = build(c);
        if (cancel?.ok !== false || cancel.code !== 'status_changed') return;
        races++;
        const raceAt = run.createdAt + (c.cancelAfter ?? 0);
        // A cancel before the natural end completes the run at its instant; one after finds it completed.
        const completedAt = Math.min(raceAt, build({ ...c, cancelAfter: null }).run.schedule.runEnd);
        expect(TERMINAL_RUN.has(cancel.status)).toBe(true);
        for (const t of instants(run).filter((at) => at >= raceAt)) {
          const state = runStateAt(run, t);
          expect(state.status).toBe(cancel.status);
          expect(state.completedAt).toBe(completedAt);
          expect(state.updatedAt).toBe(state.completedAt);
          const { pending, running, completed, failed, skipped } = state.counts;
          expect([pending, running, completed + failed + skipped]).toEqual([0, 0, run.size]);
          for (let i = 0; i < run.size; i++) {
            const item = itemStateAt(run, i, t);
            check(itemRank[item.status] === 2, () => `item ${i} is ${item.status} at ${t} after the race`);
            check(
              item.completedAt === null || item.completedAt <= raceAt,
              () => `item ${i} completed after the race at ${t}`,
            );
          }
        }
      }),
      { seed: 806, numRuns: 300 },
    );
    expect(races).toBeGreaterThan(20);
  });

  it('builds the same run from the same case twice', () => {
    fc.assert(
      fc.property(runCase, (c) => {
        const one = build(c).run;
        const two = build(c).run;
        expect(two.id).toBe(one.id);
        const ts = instants(one);
        expect(JSON.stringify(ts.map((t) => runStateAt(two, t)))).toBe(
          JSON.stringify(ts.map((t) => runStateAt(one, t))),
        );
      }),
      { seed: 805, numRuns: 100 },
    );
  });
});
