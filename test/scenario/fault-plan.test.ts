import { describe, expect, it } from 'vitest';
import { createFaultPlan, type FaultCall } from '../../src/scenario/fault-plan.js';
import type { FaultRule } from '../../src/scenario/types.js';

const POLL: FaultCall = { vendor: 'puffle', operation: 'puffleGetEnrichmentRun', tenant: 'pk_live_a' };
const CREATE: FaultCall = { vendor: 'puffle', operation: 'puffleCreateEnrichmentRun', tenant: 'pk_live_a' };
const SENDKIT: FaultCall = { vendor: 'sendkit', operation: 'sendkitGetEnrichmentJob', tenant: 'sk_b' };

const rule = (match: FaultRule['match'], extra: Partial<FaultRule> = {}): FaultRule => ({
  name: 'rule',
  match,
  effect: { type: 'status', status: 503 },
  ...extra,
});

/** The 1-based call numbers among `calls` that got at least one effect. */
function faultedCalls(rules: FaultRule[], calls: FaultCall[], seed = 1): number[] {
  const plan = createFaultPlan({ seed, faults: rules });
  return calls.flatMap((call, index) => (plan.decide(call).length > 0 ? [index + 1] : []));
}

const repeat = (call: FaultCall, count: number): FaultCall[] => Array.from({ length: count }, () => call);

describe('createFaultPlan', () => {
  it.each([
    { name: 'an empty match hits every call', rules: [rule({})], calls: repeat(POLL, 3), want: [1, 2, 3] },
    { name: 'nth picks call numbers', rules: [rule({ nth: [2, 5] })], calls: repeat(POLL, 6), want: [2, 5] },
    {
      name: 'every picks every k-th call',
      rules: [rule({ every: 3 })],
      calls: repeat(POLL, 10),
      want: [3, 6, 9],
    },
    {
      name: 'times caps the applications',
      rules: [rule({ every: 2 }, { times: 2 })],
      calls: repeat(POLL, 10),
      want: [2, 4],
    },
    {
      name: 'operation filters the calls',
      rules: [rule({ operation: 'puffleCreateEnrichmentRun' })],
      calls: [POLL, CREATE, POLL, CREATE],
      want: [2, 4],
    },
    {
      name: 'vendor filters the calls',
      rules: [rule({ vendor: 'sendkit' })],
      calls: [POLL, SENDKIT, POLL],
      want: [2],
    },
    {
      name: 'tenant filters the calls',
      rules: [rule({ tenant: 'sk_b' })],
      calls: [POLL, SENDKIT, SENDKIT],
      want: [2, 3],
    },
    {
      name: 'nth counts only the calls the rule matches',
      rules: [rule({ operation: 'puffleCreateEnrichmentRun', nth: [2] })],
      calls: [CREATE, POLL, POLL, CREATE, CREATE],
      want: [4],
    },
    {
      name: 'probability 0 never hits',
      rules: [rule({ probability: 0 })],
      calls: repeat(POLL, 50),
      want: [],
    },
    {
      name: 'probability 1 always hits',
      rules: [rule({ probability: 1 })],
      calls: repeat(POLL, 5),
      want: [1, 2, 3, 4, 5],
    },
    {
      name: 'every field given must match',
      rules: [rule({ vendor: 'puffle', every: 2, tenant: 'pk_live_a' })],
      calls: [POLL, SENDKIT, POLL, SENDKIT, POLL, POLL],
      want: [3, 6],
    },
  ])('$name', ({ rules, calls, want }) => {
    expect(faultedCalls(rules, calls)).toEqual(want);
  });

  it('applies every matching rule, in rule order, naming the rule', () => {
    const plan = createFaultPlan({
      seed: 1,
      faults: [
        { name: 'slow', match: {}, effect: { type: 'latency', ms: 300 } },
        {
          name: 'limited',
          match: { every: 2 },
          effect: { type: 'status', status: 429, retryAfterSeconds: 2 },
        },
      ],
    });
    expect(plan.decide(POLL)).toEqual([{ type: 'latency', ms: 300, rule: 'slow' }]);
    expect(plan.decide(POLL)).toEqual([
      { type: 'latency', ms: 300, rule: 'slow' },
      { type: 'status', status: 429, retryAfterSeconds: 2, rule: 'limited' },
    ]);
  });

  it('hits about the share of calls given by probability', () => {
    const hits = faultedCalls([rule({ probability: 0.3 })], repeat(POLL, 2_000), 11).length;
    expect(hits).toBeGreaterThan(500);
    expect(hits).toBeLessThan(700);
  });

  it('makes the same decisions for the same seed and calls, and others for another seed', () => {
    const rules = [rule({ probability: 0.5 }, { name: 'coin' })];
    const calls = repeat(POLL, 64);
    expect(faultedCalls(rules, calls, 21)).toEqual(faultedCalls(rules, calls, 21));
    expect(faultedCalls(rules, calls, 21)).not.toEqual(faultedCalls(rules, calls, 22));
  });

  it('draws each rule separately, by its name', () => {
    const calls = repeat(POLL, 64);
    expect(faultedCalls([rule({ probability: 0.5 }, { name: 'a' })], calls, 5)).not.toEqual(
      faultedCalls([rule({ probability: 0.5 }, { name: 'b' })], calls, 5),
    );
  });

  it('starts counting again after reset', () => {
    const plan = createFaultPlan({ seed: 1, faults: [rule({ nth: [1] }, { times: 1 })] });
    expect(plan.decide(POLL)).toHaveLength(1);
    expect(plan.decide(POLL)).toHaveLength(0);
    plan.reset();
    expect(plan.decide(POLL)).toHaveLength(1);
  });
});
