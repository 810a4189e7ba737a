import fc from 'fast-check';
import { expect } from 'vitest';
import { createVirtualClock, type VirtualClock } from '../../src/core/clock.js';
import type { Run, RunRequest } from '../../src/core/run.js';
import { createSimulator, type Simulator } from '../../src/core/simulator.js';
import type { Scenario } from '../../src/scenario/types.js';
import { enrichmentFixture, scenarioFixture, type ScenarioOverrides } from './scenario-fixture.js';

export interface SimulatorFixture {
  scenario: Scenario;
  clock: VirtualClock;
  sim: Simulator;
}

/** A fresh simulator on a virtual clock at the scenario's start. */
export function simulatorFixture(overrides: ScenarioOverrides = {}): SimulatorFixture {
  const scenario = scenarioFixture(overrides);
  const clock = createVirtualClock(scenario.startAtMs);
  return { scenario, clock, sim: createSimulator({ scenario, clock }) };
}

/** A request to enrich the whole `list_people` list (20 person leads in the default fixture). */
export function runRequest(overrides: Partial<RunRequest> = {}): RunRequest {
  return {
    vendor: 'puffle',
    enrichment: enrichmentFixture(),
    scope: { type: 'list', listId: 'list_people' },
    input: {},
    outputAttribute: 'workEmail',
    writePolicy: 'overwrite',
    ttlMs: null,
    meta: undefined,
    ...overrides,
  };
}

/** Starts one run and fails the test when the simulator refuses it. */
export function startRun(sim: Simulator, key: string, request: RunRequest = runRequest()): Run {
  const started = sim.startRuns(key, [request]);
  if (!started.ok) expect.fail(`startRuns refused: ${JSON.stringify(started.error)}`);
  const [run] = started.runs;
  if (!run) expect.fail('startRuns returned no run');
  return run;
}

/** Moves the virtual clock to `instant`, failing the test when that would go backwards. */
export function moveTo(clock: VirtualClock, instant: number): void {
  const moved = clock.set(instant);
  if (!moved.ok) expect.fail(moved.message);
}

/** One command of a random history of runs, at a delay (`after`, ms) after the previous one. */
export type HistoryCommand =
  | { type: 'start'; after: number; tenant: number; vendor: number; ttlMs: number | null }
  | { type: 'cancel' | 'delete'; after: number; pick: number };

/**
 * Random history commands: starts (on one of four tenants and `vendors` vendors, delayed by `startAfter`,
 * some with a time to live) and cancels or deletes of a run started before.
 */
export const historyCommand = (startAfter: fc.Arbitrary<number>, vendors = 1): fc.Arbitrary<HistoryCommand> =>
  fc.oneof(
    fc.record({
      type: fc.constant('start' as const),
      after: startAfter,
      tenant: fc.integer({ min: 0, max: 3 }),
      vendor: fc.integer({ min: 0, max: vendors - 1 }),
      ttlMs: fc.option(fc.integer({ min: 0, max: 6_000 })),
    }),
    fc.record({
      type: fc.constantFrom('cancel' as const, 'delete' as const),
      after: fc.integer({ min: 0, max: 4_000 }),
      pick: fc.nat(),
    }),
  );
