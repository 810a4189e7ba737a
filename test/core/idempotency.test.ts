import { describe, expect, it } from 'vitest';
import type { Simulator, StartResult } from '../../src/core/simulator.js';
import { runRequest, simulatorFixture, startRun } from './simulator-fixture.js';
import { moveTo } from './simulator-fixture.js';
import { START } from './scenario-fixture.js';

const start = (sim: Simulator, key: string, idempotencyKey: string, fingerprint = 'fp_1'): StartResult =>
  sim.startRuns(key, [runRequest()], { key: idempotencyKey, fingerprint });

describe('idempotent startRuns', () => {
  it('returns the existing run, flagged reused, for the same key and fingerprint', () => {
    const { sim } = simulatorFixture({ seed: 401 });
    const first = start(sim, 'key_a', 'idem_1');
    const second = start(sim, 'key_a', 'idem_1');
    expect(first).toMatchObject({ ok: true, reused: false });
    expect(second).toMatchObject({ ok: true, reused: true });
    expect(first.ok && second.ok && second.runs[0]).toBe(first.ok && first.runs[0]);
    expect(sim.tenant('key_a').runs.size).toBe(1);
    expect(sim.tenant('key_a').credits).toBe(980);
  });

  it('creates and charges one run for 200 identical requests in a row', async () => {
    const { sim } = simulatorFixture({ seed: 402 });
    const results = await Promise.all(
      Array.from({ length: 200 }, async () => start(sim, 'key_a', 'idem_burst')),
    );
    const ids = new Set(results.map((result) => (result.ok ? result.runs[0]?.id : 'refused')));
    expect(ids.size).toBe(1);
    expect(ids.has('refused')).toBe(false);
    expect(results.filter((result) => result.ok && !result.reused)).toHaveLength(1);
    expect(results[0]).toMatchObject({ ok: true, reused: false });
    expect(sim.tenant('key_a').runs.size).toBe(1);
    expect(sim.tenant('key_a').credits).toBe(980);
  });

  it('refuses a key reused with a different fingerprint and creates nothing', () => {
    const { sim } = simulatorFixture({ seed: 403 });
    start(sim, 'key_a', 'idem_1', 'fp_1');
    expect(start(sim, 'key_a', 'idem_1', 'fp_2')).toEqual({
      ok: false,
      error: { code: 'idempotency_key_reused', key: 'idem_1' },
    });
    expect(sim.tenant('key_a').runs.size).toBe(1);
    expect(sim.tenant('key_a').credits).toBe(980);
  });

  it('keeps idempotency keys per tenant', () => {
    const { sim } = simulatorFixture({ seed: 404 });
    const a = start(sim, 'key_a', 'idem_shared');
    const b = start(sim, 'key_b', 'idem_shared', 'fp_other');
    expect(a).toMatchObject({ ok: true, reused: false });
    expect(b).toMatchObject({ ok: true, reused: false });
    expect(sim.tenant('key_b').credits).toBe(980);
  });

  it('creates a new run once the remembered run has expired', () => {
    const { sim, clock } = simulatorFixture({ seed: 405 });
    const first = sim.startRuns('key_a', [runRequest({ ttlMs: 1_000 })], {
      key: 'idem_1',
      fingerprint: 'fp',
    });
    moveTo(clock, START + 1_000);
    const second = sim.startRuns('key_a', [runRequest({ ttlMs: 1_000 })], {
      key: 'idem_1',
      fingerprint: 'fp',
    });
    expect(second).toMatchObject({ ok: true, reused: false });
    expect(first.ok && second.ok && first.runs[0]?.id !== second.runs[0]?.id).toBe(true);
    expect(sim.tenant('key_a').credits).toBe(960);
  });

  it('does not remember a refused request', () => {
    const { sim } = simulatorFixture({ seed: 406 });
    const refused = sim.startRuns('key_a', [runRequest({ scope: { type: 'list', listId: 'list_nope' } })], {
      key: 'idem_1',
      fingerprint: 'fp_bad',
    });
    expect(refused.ok).toBe(false);
    expect(start(sim, 'key_a', 'idem_1', 'fp_good')).toMatchObject({ ok: true, reused: false });
  });

  it('gives runs started without a key distinct ids', () => {
    const { sim } = simulatorFixture({ seed: 407 });
    const ids = Array.from({ length: 50 }, () => startRun(sim, 'key_a').id);
    expect(new Set(ids).size).toBe(50);
  });
});
