import { describe, expect, expectTypeOf, it } from 'vitest';
import { createRealClock } from '../../src/clock/real-clock.js';
import { createVirtualClock, type Clock, type VirtualClock } from '../../src/core/clock.js';
import {
  createEnrichmentMock,
  type EnrichmentMockOptions,
  type ScenarioOverrides,
} from '../../src/mock/create-enrichment-mock.js';

describe('createEnrichmentMock options', () => {
  it('types overrides from the scenario file format, every part optional', () => {
    expectTypeOf<EnrichmentMockOptions['overrides']>().toEqualTypeOf<ScenarioOverrides | undefined>();
    expectTypeOf<{ world: { defaults: { credits: number } } }>().toExtend<ScenarioOverrides>();
    expectTypeOf<{ timing: { default: { concurrency: number } } }>().toExtend<ScenarioOverrides>();
    expectTypeOf<{ webhooks: { retrySchedule: string[] } }>().toExtend<ScenarioOverrides>();
    // Misspelt keys and wrong value types are refused at compile time.
    expectTypeOf<{ wrold: { defaults: { credits: number } } }>().not.toExtend<ScenarioOverrides>();
    expectTypeOf<{ world: { defaults: { credits: string } } }>().not.toExtend<ScenarioOverrides>();
    expectTypeOf<{ races: { tieBreak: 'never' } }>().not.toExtend<ScenarioOverrides>();
    // Arrays and distributions are replaced whole, so their items stay complete.
    expectTypeOf<{ faults: [{ name: string }] }>().not.toExtend<ScenarioOverrides>();
    expectTypeOf<{
      timing: { default: { queueWait: { uniform: [string] } } };
    }>().not.toExtend<ScenarioOverrides>();
    expectTypeOf<{ timing: { default: { queueWait: { fixed: string } } } }>().toExtend<ScenarioOverrides>();
  });

  it('gives mock.clock the type of the clock passed in, a VirtualClock by default', () => {
    const virtual = createEnrichmentMock({ seed: 901 });
    expectTypeOf(virtual.clock).toEqualTypeOf<VirtualClock>();
    const real = createEnrichmentMock({ seed: 902, clock: createRealClock() });
    expectTypeOf(real.clock).toEqualTypeOf<ReturnType<typeof createRealClock>>();
    expectTypeOf(real.clock).not.toHaveProperty('advance');
    const own = createVirtualClock(Date.parse('2026-01-05T09:00:00Z'));
    const given = createEnrichmentMock({ seed: 903, clock: own });
    expectTypeOf(given.clock).toEqualTypeOf<VirtualClock>();
    expect(given.clock).toBe(own);
    expectTypeOf(real.clock).toExtend<Clock>();
    expect(real.clock.mode).toBe('real');
  });

  it('names the overrides, not a line of the scenario file, when the overrides are invalid', () => {
    expect(() =>
      createEnrichmentMock({
        scenario: 'cancel-race',
        seed: 904,
        // @ts-expect-error -- concurrency must be a number: the types refuse it, and so does the loader.
        overrides: { timing: { default: { concurrency: 'many', queueWait: { uniform: ['3s', '1s'] } } } },
      }),
    ).toThrow(
      [
        'Failed to load scenario "cancel-race" with the overrides given. Fix these problems:',
        'overrides: timing.default.concurrency: must be a whole number',
        'overrides: timing.default.queueWait.uniform: min (3s) is greater than max (1s)',
      ].join('\n'),
    );
  });
});
