import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/core/simulator.js';
import type { ScenarioOverrides } from './scenario-fixture.js';
import { START, fixedTiming, listFixture, tenantFixture } from './scenario-fixture.js';
import { moveTo, runRequest, simulatorFixture } from './simulator-fixture.js';

const overrides = (seed: number): ScenarioOverrides => ({
  seed,
  world: {
    defaults: tenantFixture({
      lists: [
        listFixture({ generate: 40, leads: [{ attributes: { firstName: 'Ann' } }] }),
        listFixture({ id: 'list_companies', name: 'Companies', subject: 'company', generate: 5 }),
      ],
      preEnriched: { workEmail: 0.3 },
    }),
  },
  timing: {
    default: fixedTiming({
      queueWait: { type: 'uniform', minMs: 100, maxMs: 2_000 },
      itemDuration: { type: 'lognormal', medianMs: 1_500, sigma: 0.7, maxMs: 9_000 },
      concurrency: 7,
      failure: { rate: 0.2, maxAttempts: 3, messages: ['Timed out', 'No match', 'Rate limited'] },
    }),
  },
});

/** A fixed script of commands; returns everything observable, serialised. */
function script(sim: Simulator, advance: (ms: number) => void): string {
  const out: unknown[] = [];
  const people = sim.tenant('key_a').lists[0];
  out.push(sim.findLead('key_a', people?.explicit[0]?.id ?? ''));
  const a = sim.startRuns(
    'key_a',
    [runRequest(), runRequest({ writePolicy: 'skip_existing', ttlMs: 50_000 })],
    {
      key: 'idem_1',
      fingerprint: 'fp',
    },
  );
  const b = sim.startRuns('key_b', [
    runRequest({ formatId: ({ token, sequence }) => `run_${sequence}_${token}` }),
  ]);
  out.push(a, b, sim.startRuns('key_a', [runRequest()], { key: 'idem_1', fingerprint: 'fp' }));
  const runs = [...(a.ok ? a.runs : []), ...(b.ok ? b.runs : [])];
  for (const step of [700, 1_300, 2_900, 4_100, 9_000, 30_000]) {
    advance(step);
    if (step === 2_900 && b.ok && b.runs[0]) out.push(sim.cancelRun('key_b', b.runs[0].id, 'puffle'));
    for (const run of runs) {
      out.push(run.id, sim.state(run), sim.items(run, { afterIndex: 3, limit: 6 }));
      out.push(
        sim.items(run, { status: 'failed', limit: 3 }),
        sim.items(run, { status: 'completed', limit: 2 }),
      );
    }
  }
  const lead = sim.findLead('key_a', people?.explicit[0]?.id ?? '');
  if (lead) out.push(sim.attribute('key_a', lead, 'workEmail'));
  out.push(sim.tenant('key_a').credits, sim.tenant('key_b').credits);
  return JSON.stringify(out);
}

describe('determinism', () => {
  it('produces byte-identical output from two fresh simulators given the same scenario, seed and commands', () => {
    const one = simulatorFixture(overrides(501));
    const two = simulatorFixture(overrides(501));
    const first = script(one.sim, (ms) => moveTo(one.clock, one.clock.now() + ms));
    const second = script(two.sim, (ms) => moveTo(two.clock, two.clock.now() + ms));
    expect(first.length).toBeGreaterThan(1_000);
    expect(second).toBe(first);
  });

  it('produces different ids and timings from a different seed', () => {
    const one = simulatorFixture(overrides(502));
    const two = simulatorFixture(overrides(503));
    const first = script(one.sim, (ms) => moveTo(one.clock, one.clock.now() + ms));
    const second = script(two.sim, (ms) => moveTo(two.clock, two.clock.now() + ms));
    expect(second).not.toBe(first);
  });

  it('produces the same output after reset as from a fresh simulator', () => {
    const fresh = simulatorFixture({ ...overrides(504), startAtMs: START });
    const reused = simulatorFixture({ ...overrides(504), startAtMs: START });
    script(reused.sim, () => undefined);
    reused.sim.reset();
    expect(script(reused.sim, () => undefined)).toBe(script(fresh.sim, () => undefined));
  });
});
