import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../src/core/clock.js';
import type { RunRequest } from '../../src/core/run.js';
import { createSimulator } from '../../src/core/simulator.js';
import { createFaultPlan } from '../../src/scenario/fault-plan.js';
import { formatProblems, loadScenario } from '../../src/scenario/load-scenario.js';
import type { Scenario, Vendor } from '../../src/scenario/types.js';

/** A built-in scenario on a fresh simulator and virtual clock. */
function setup(name: string, seed: number) {
  const loaded = loadScenario(name, { seed });
  if (!loaded.ok) expect.fail(formatProblems(name, loaded.problems));
  const { scenario } = loaded;
  const clock = createVirtualClock(scenario.startAtMs);
  const sim = createSimulator({ scenario, clock });
  const at = (ms: number): void => {
    const moved = clock.set(scenario.startAtMs + ms);
    if (!moved.ok) expect.fail(moved.message);
  };
  return { scenario, clock, sim, at };
}

/** What an adapter would ask for: enrich a whole list (or some of its leads) with a catalog entry. */
function request(
  scenario: Scenario,
  slug: string,
  scope: RunRequest['scope'],
  vendor: Vendor = 'puffle',
  extra: Partial<RunRequest> = {},
): RunRequest {
  const enrichment = scenario.world.catalog.find((entry) => entry.slug === slug);
  if (!enrichment) expect.fail(`no enrichment ${slug}`);
  return {
    vendor,
    enrichment,
    scope,
    input: {},
    outputAttribute: enrichment.outputAttribute,
    writePolicy: 'overwrite',
    ttlMs: scenario.expiry[vendor],
    meta: undefined,
    ...extra,
  };
}

const PROSPECTS = { type: 'list', listId: 'list_prospects' } as const;
const ACCOUNTS = { type: 'list', listId: 'list_accounts' } as const;

describe('scenario behaviour in the simulator', () => {
  it('happy-path-fast: every run completes 60ms after creation, with no failures', () => {
    const { scenario, sim, at } = setup('happy-path-fast', 401);
    const started = sim.startRuns('pk_live_a', [
      request(scenario, 'work_email', PROSPECTS),
      request(scenario, 'website_overview', ACCOUNTS),
    ]);
    if (!started.ok) expect.fail(JSON.stringify(started.error));
    at(59);
    expect(started.runs.map((run) => sim.state(run).status)).toEqual(['running', 'running']);
    at(60);
    expect(started.runs.map((run) => sim.state(run))).toMatchObject([
      { status: 'completed', completedAt: scenario.startAtMs + 60, counts: { completed: 25, failed: 0 } },
      { status: 'completed', completedAt: scenario.startAtMs + 60, counts: { completed: 10, failed: 0 } },
    ]);
  });

  it('partial-failures: about 30% of items fail after one attempt, with the scenario messages, and the run completes', () => {
    const { scenario, sim, at } = setup('partial-failures', 402);
    const list = sim.createList('pk_live_a', { name: 'Many prospects', subject: 'person', size: 1_000 });
    const started = sim.startRuns('pk_live_a', [
      request(scenario, 'work_email', { type: 'list', listId: list.id }),
    ]);
    if (!started.ok) expect.fail(JSON.stringify(started.error));
    const [run] = started.runs;
    if (!run) expect.fail('no run');
    at(run.schedule.runEnd - scenario.startAtMs);
    const state = sim.state(run);
    expect(state.status).toBe('completed');
    expect(state.counts.failed / 1_000).toBeGreaterThan(0.25);
    expect(state.counts.failed / 1_000).toBeLessThan(0.35);
    expect(state.counts.completed + state.counts.failed).toBe(1_000);
    const failed = sim.items(run, { status: 'failed', limit: 20 }).items;
    for (const item of failed) {
      expect(item.attempts).toBe(1);
      expect(scenario.timing.default.failure.messages).toContain(item.error);
    }
  });

  it('cancel-race: every cancel of a pending or running run loses and completes it then; runs left alone complete at 11s', () => {
    const { scenario, sim, at } = setup('cancel-race', 403);
    const started = sim.startRuns(
      'pk_live_a',
      [1, 2, 3, 4].map(() => request(scenario, 'work_email', PROSPECTS)),
    );
    if (!started.ok) expect.fail(JSON.stringify(started.error));
    const [pending, running, untouched, late] = started.runs.map((run) => run.id);
    const cancel = (id: string | undefined) => sim.cancelRun('pk_live_a', id ?? '', 'puffle');
    expect(started.runs.every((run) => run.schedule.runEnd === scenario.startAtMs + 11_000)).toBe(true);
    expect(cancel(pending)).toEqual({ ok: false, code: 'status_changed', status: 'completed' });
    at(5_000);
    expect(cancel(running)).toEqual({ ok: false, code: 'status_changed', status: 'completed' });
    at(11_001);
    expect(cancel(late)).toEqual({ ok: false, code: 'not_cancellable', status: 'completed' });
    expect(started.runs.map((run) => [sim.state(run).status, sim.state(run).completedAt])).toEqual(
      [0, 5_000, 11_000, 11_000].map((ms) => ['completed', scenario.startAtMs + ms]),
    );
    expect(untouched).toBeDefined();
  });

  it('expired-jobs: runs are gone 10 minutes after creation, on every vendor', () => {
    const { scenario, sim, at } = setup('expired-jobs', 404);
    const vendors: Vendor[] = ['puffle', 'sendkit', 'exa'];
    const runs = vendors.map((vendor) => {
      const started = sim.startRuns('key_a', [request(scenario, 'work_email', PROSPECTS, vendor)]);
      if (!started.ok) expect.fail(JSON.stringify(started.error));
      return started.runs[0];
    });
    at(10 * 60_000 - 1);
    expect(runs.map((run) => sim.getRun('key_a', run?.id ?? '', run?.vendor ?? '')?.id)).toEqual(
      runs.map((run) => run?.id),
    );
    at(10 * 60_000);
    expect(runs.map((run) => sim.getRun('key_a', run?.id ?? '', run?.vendor ?? ''))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('empty-scopes: empty lists are refused as empty scopes, the company list as a subject mismatch', () => {
    const { scenario, sim } = setup('empty-scopes', 405);
    expect(sim.startRuns('pk_live_a', [request(scenario, 'work_email', PROSPECTS)])).toEqual({
      ok: false,
      error: { code: 'empty_scope' },
    });
    expect(sim.startRuns('pk_live_a', [request(scenario, 'hiring_status', ACCOUNTS)])).toEqual({
      ok: false,
      error: { code: 'empty_scope' },
    });
    expect(
      sim.startRuns('pk_live_a', [
        request(scenario, 'work_email', { type: 'list', listId: 'list_wrong_subject' }),
      ]),
    ).toEqual({
      ok: false,
      error: { code: 'subject_mismatch', expected: 'person', found: 'company' },
    });
    expect(sim.tenant('pk_live_a').credits).toBe(1_000);
  });

  it('insufficient-credits: a default key can afford nothing; a few-credits key only a handful of leads', () => {
    const { scenario, sim } = setup('insufficient-credits', 406);
    expect(sim.startRuns('pk_live_any', [request(scenario, 'work_email', PROSPECTS)])).toEqual({
      ok: false,
      error: { code: 'insufficient_credits', required: 25, balance: 0 },
    });
    expect(sim.startRuns('pk_live_few_credits', [request(scenario, 'work_email', PROSPECTS)])).toEqual({
      ok: false,
      error: { code: 'insufficient_credits', required: 25, balance: 3 },
    });
    const list = sim.tenant('pk_live_few_credits').listsById.get('list_prospects');
    if (!list) expect.fail('no prospects list');
    const leadIds = [0, 1, 2].map((index) => sim.leadAt(list, index)?.id ?? '');
    expect(
      sim.startRuns('pk_live_few_credits', [request(scenario, 'work_email', { type: 'leads', leadIds })]),
    ).toMatchObject({ ok: true });
    expect(sim.tenant('pk_live_few_credits').credits).toBe(0);
  });

  it('dispatch-failure: the create operations get a dispatch failure, and the run fails at once, uncharged', () => {
    const { scenario, sim } = setup('dispatch-failure', 407);
    const faults = createFaultPlan(scenario);
    expect(
      faults.decide({ vendor: 'puffle', operation: 'puffleGetEnrichmentRun', tenant: 'pk_live_a' }),
    ).toEqual([]);
    const [effect] = faults.decide({
      vendor: 'puffle',
      operation: 'puffleCreateEnrichmentRun',
      tenant: 'pk_live_a',
    });
    if (effect?.type !== 'dispatch_failure')
      expect.fail(`want a dispatch failure, got ${JSON.stringify(effect)}`);
    const started = sim.startRuns('pk_live_a', [
      request(scenario, 'work_email', PROSPECTS, 'puffle', { dispatchFailure: effect.message }),
    ]);
    if (!started.ok) expect.fail(JSON.stringify(started.error));
    expect(sim.state(started.runs[0] ?? expect.fail('no run'))).toMatchObject({
      status: 'failed',
      error: effect.message,
    });
    expect(sim.tenant('pk_live_a').credits).toBe(1_000);
    for (const call of [
      { vendor: 'sendkit', operation: 'sendkitEnrichLeads' },
      { vendor: 'exa', operation: 'exaCreateEnrichment' },
      { vendor: 'exa', operation: 'exaCreateWebset' },
    ] as const) {
      expect(faults.decide({ ...call, tenant: 'key' }).map((applied) => applied.type)).toEqual([
        'dispatch_failure',
      ]);
    }
  });

  it('flaky-network: resets on calls 2, 7 and 13, and a 429 with Retry-After 2 on every 5th call', () => {
    const { scenario } = setup('flaky-network', 408);
    const faults = createFaultPlan(scenario);
    const decided = Array.from({ length: 15 }, () =>
      faults
        .decide({ vendor: 'sendkit', operation: 'sendkitGetEnrichmentJob', tenant: 'sk_a' })
        .filter((effect) => effect.type !== 'latency' && !(effect.type === 'status' && effect.status === 503))
        .map((effect) =>
          effect.type === 'status' ? `${effect.status} retry ${effect.retryAfterSeconds}s` : effect.type,
        ),
    );
    expect(decided).toEqual([
      [],
      ['reset'],
      [],
      [],
      ['429 retry 2s'],
      [],
      ['reset'],
      [],
      [],
      ['429 retry 2s'],
      [],
      [],
      ['reset'],
      [],
      ['429 retry 2s'],
    ]);
  });
});
