import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/core/clock.js';
import { createRuntime, MAX_SCENARIO_CONTEXTS } from '../../src/runtime/mock-runtime.js';
import type { Scenario } from '../../src/scenario/types.js';
import { scenarioFixture, START } from '../core/scenario-fixture.js';

const named = (name: string): Scenario => scenarioFixture({ name });

describe('scenario context limit', () => {
  it('keeps a hundred scenario contexts by default', () => {
    expect(MAX_SCENARIO_CONTEXTS).toBe(100);
  });

  it('forgets the context idle longest past the limit, never the active one', () => {
    const runtime = createRuntime({
      scenario: named('active'),
      resolveScenario: (name) => named(name),
      clock: createVirtualClock(START),
      contextLimit: 2,
    });
    const active = runtime.context();
    const first = runtime.context('first');
    runtime.context('second');
    runtime.context('third');
    expect(runtime.contexts().map((context) => context.scenario.name)).toEqual(['active', 'third']);
    expect(runtime.context()).toBe(active);
    // A forgotten context starts afresh when asked for again.
    expect(runtime.context('first')).not.toBe(first);
  });
});
