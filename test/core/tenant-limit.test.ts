import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/core/clock.js';
import { generatedLeadId } from '../../src/core/lead-list.js';
import { createSimulator } from '../../src/core/simulator.js';
import { MAX_TENANTS } from '../../src/core/tenant.js';
import { scenarioFixture, START, type ScenarioOverrides } from './scenario-fixture.js';
import { runRequest, startRun } from './simulator-fixture.js';

/** A simulator keeping at most `tenantLimit` tenants. */
const limitedTo = (tenantLimit: number, overrides: ScenarioOverrides = {}) =>
  createSimulator({ scenario: scenarioFixture(overrides), clock: createVirtualClock(START), tenantLimit });

describe('tenant limit', () => {
  it('keeps ten thousand tenants by default', () => {
    expect(MAX_TENANTS).toBe(10_000);
  });

  it('forgets the tenant idle longest past the limit, as a reset of it would', () => {
    const sim = limitedTo(2);
    const run = startRun(sim, 'key_a');
    sim.tenant('key_a').credits = 3;
    startRun(sim, 'key_b');
    sim.tenant('key_a');
    sim.tenant('key_c');
    expect(sim.tenants().map((tenant) => tenant.key)).toEqual(['key_a', 'key_c']);
    expect(sim.evictions()).toBe(1);
    expect(sim.getRun('key_b', run.id, 'puffle')).toBeUndefined();
    expect(sim.unsettledRuns().map((unsettled) => unsettled.tenant)).toEqual(['key_a']);
    // key_b comes back afresh from the scenario: no runs, full credits.
    expect(sim.tenant('key_b').runs.size).toBe(0);
    expect(sim.tenant('key_b').credits).toBe(1_000);
  });

  it('forgets every run of the tenant it forgets, a run cut short by a lost cancel race included', () => {
    const sim = limitedTo(1, { races: { cancelAlwaysLoses: true } });
    const settled = startRun(sim, 'key_a');
    const deleted = startRun(sim, 'key_a');
    startRun(sim, 'key_a');
    expect(sim.cancelRun('key_a', settled.id, 'puffle')).toMatchObject({ code: 'status_changed' });
    sim.deleteRun('key_a', deleted.id, 'puffle');
    const kept = startRun(sim, 'key_b');
    expect(sim.evictions()).toBe(1);
    expect(sim.unsettledRuns()).toEqual([kept]);
    expect([...sim.liveRunsNewestFirst({})]).toEqual([kept]);
    expect(sim.runById(settled.id)).toBeUndefined();
  });

  it('peeks at a tenant without creating it or counting it as used', () => {
    const sim = limitedTo(2);
    expect(sim.peekTenant('key_a')).toBeUndefined();
    const first = sim.tenant('key_a');
    sim.tenant('key_b');
    expect(sim.peekTenant('key_a')).toBe(first);
    sim.tenant('key_c');
    expect(sim.tenants().map((tenant) => tenant.key)).toEqual(['key_b', 'key_c']);
  });

  it('does not count reading the items of a run as use of its tenant', () => {
    const sim = limitedTo(2);
    const list = sim.tenant('key_a').listsById.get('list_people');
    const leadIds = list ? [0, 1].map((index) => generatedLeadId(list, index)) : [];
    const run = startRun(sim, 'key_a', runRequest({ scope: { type: 'leads', leadIds } }));
    sim.tenant('key_b');
    expect(sim.items(run, { limit: 2 }).items.map((item) => item.lead.id)).toEqual(leadIds);
    sim.tenant('key_c');
    expect(sim.tenants().map((tenant) => tenant.key)).toEqual(['key_b', 'key_c']);
  });

  it('keeps a tenant that is in use however many others come and go', () => {
    const sim = limitedTo(3);
    const run = startRun(sim, 'key_busy');
    for (let i = 0; i < 50; i++) {
      sim.tenant(`key_${i}`);
      expect(sim.getRun('key_busy', run.id, 'puffle')).toBe(run);
      sim.tenant('key_busy');
    }
    expect(sim.tenants()).toHaveLength(3);
  });
});
