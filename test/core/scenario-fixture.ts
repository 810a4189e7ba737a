import type {
  EnrichmentDefinition,
  ListSpec,
  RaceModel,
  Scenario,
  TenantSpec,
  TimingModel,
} from '../../src/scenario/types.js';
import { byVendor } from '../../src/vendors/vendor-descriptors.js';

/** 2026-01-01T00:00:00Z: every fixture clock starts here unless told otherwise. */
export const START = Date.parse('2026-01-01T00:00:00Z');

/** A timing model where every item takes exactly `itemMs`, `concurrency` at a time, and never fails. */
export function fixedTiming(overrides: Partial<TimingModel> = {}): TimingModel {
  return {
    queueWait: { type: 'fixed', ms: 1_000 },
    itemDuration: { type: 'fixed', ms: 2_000 },
    concurrency: 10,
    failure: { rate: 0, maxAttempts: 1, messages: ['Provider timed out'] },
    ...overrides,
  };
}

/** A catalog entry; person subject, one credit per lead unless overridden. */
export function enrichmentFixture(overrides: Partial<EnrichmentDefinition> = {}): EnrichmentDefinition {
  return {
    slug: 'work-email',
    name: 'Work email',
    description: 'Finds a work email.',
    subject: 'person',
    creditCost: 1,
    outputAttribute: 'workEmail',
    output: { kind: 'email' },
    inputSchema: {},
    version: 1,
    enabled: true,
    ...overrides,
  };
}

/** A list of generated leads (person by default). */
export function listFixture(overrides: Partial<ListSpec> = {}): ListSpec {
  return { id: 'list_people', name: 'People', subject: 'person', generate: 20, leads: [], ...overrides };
}

export function tenantFixture(overrides: Partial<TenantSpec> = {}): TenantSpec {
  return {
    credits: 1_000,
    lists: [
      listFixture(),
      listFixture({ id: 'list_companies', name: 'Companies', subject: 'company', generate: 5 }),
      listFixture({ id: 'list_empty', name: 'Empty', generate: 0 }),
    ],
    preEnriched: {},
    ...overrides,
  };
}

export interface ScenarioOverrides extends Partial<Omit<Scenario, 'world' | 'timing' | 'races'>> {
  world?: Partial<Scenario['world']>;
  timing?: Partial<Scenario['timing']>;
  races?: Partial<RaceModel>;
}

/**
 * A full, valid `Scenario` for core tests, built in code (the scenario loader is not a dependency of the
 * core). Nested `world`, `timing` and `races` are merged one level deep.
 *
 * @example
 * const scenario = scenarioFixture({ seed: 7, races: { tieBreak: 'cancel' } });
 */
export function scenarioFixture(overrides: ScenarioOverrides = {}): Scenario {
  const { world, timing, races, ...rest } = overrides;
  return {
    name: 'core-fixture',
    description: 'Scenario built by test/core/scenario-fixture.ts',
    seed: 1,
    startAtMs: START,
    faults: [],
    tolerance: { extraFields: false, nullOptional: false, shuffleKeys: false },
    expiry: byVendor(() => null),
    ...rest,
    world: {
      defaults: tenantFixture(),
      tenants: {},
      revokedKeys: [],
      catalog: [
        enrichmentFixture(),
        enrichmentFixture({
          slug: 'company-about',
          subject: 'company',
          outputAttribute: 'about',
          output: { kind: 'text' },
        }),
      ],
      ...world,
    },
    timing: { default: fixedTiming(), profiles: {}, ...timing },
    races: {
      beforeCompletionMs: 0,
      afterCompletionMs: 0,
      tieBreak: 'completion',
      cancelAlwaysLoses: false,
      ...races,
    },
  };
}
