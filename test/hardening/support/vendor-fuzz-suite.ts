import { afterAll, describe, expect, it } from 'vitest';
import { createEnrichmentMock } from '../../../src/mock/create-enrichment-mock.js';
import {
  emptyStats,
  formatOutcomes,
  formatStats,
  fuzz,
  inProcessSender,
  type FuzzStats,
} from './fuzz-runner.js';
import { prototypeFingerprint } from './hostile-values.js';
import { createRequestPlans } from './request-plan.js';
import { FIXTURES } from './vendor-fixtures.js';
import type { VendorTarget } from './vendor-targets.js';

export interface VendorFuzzBudget {
  /** Base seed: each test adds its own offset, so each has its own reproducible seed. */
  seed: number;
  /** Requests per operation. */
  perOperation: number;
  /** Requests to unrouted paths and unserved methods. */
  unrouted: number;
  /** Requests of the batch aimed at the victim. */
  victimBatch: number;
}

/** Prints the request counts when `HARDENING_STATS` is set; `HARDENING_STATS=outcomes` adds every outcome. */
export function reportStats(line: string, details?: string): void {
  const level = process.env['HARDENING_STATS'];
  if (level === undefined || level === '') return;
  console.info(`[hardening] ${line}${level === 'outcomes' && details ? `\n${details}` : ''}`);
}

async function fuzzedMock(target: VendorTarget, seed: number) {
  const mock = createEnrichmentMock({ scenario: 'default', seed });
  const send = inProcessSender(mock.handlers, target.origin);
  const fixture = await FIXTURES[target.name](
    { runtime: mock.runtime, advance: (ms) => mock.clock.advance(ms) },
    send,
  );
  const plans = createRequestPlans(target, {
    hints: fixture.hints,
    ...(fixture.bodies ? { bodies: fixture.bodies } : {}),
  });
  return { mock, send, fixture, plans };
}

/**
 * The fuzz suite every vendor adapter passes (the hono `runTest` pattern): each operation of the
 * vendor's document fuzzed on its own, unrouted paths and methods, and a batch aimed at a victim tenant
 * whose stored state must come out unchanged. Every answer must conform to the document.
 */
export function describeVendorFuzz(target: VendorTarget, budget: VendorFuzzBudget): void {
  const totals: FuzzStats = emptyStats();
  afterAll(() => reportStats(formatStats(`${target.name} fuzz`, totals), formatOutcomes(totals)));

  describe(`${target.name}: every operation under generated and mutated requests`, () => {
    const operations = createRequestPlans(target).operations;
    for (const [offset, operation] of operations.entries()) {
      const seed = budget.seed + offset;
      it(`${operation.id} (${operation.method} ${operation.path}) answers within the contract, never 5xx [seed ${seed}]`, async () => {
        const { send, fixture, plans } = await fuzzedMock(target, seed);
        const before = totals.requests;
        await fuzz({
          target,
          send,
          plans: plans.for(operation.id),
          pool: fixture.pool,
          seed,
          numRuns: budget.perOperation,
          stats: totals,
        });
        expect(totals.requests - before).toBeGreaterThan(budget.perOperation / 2);
      });
    }
  });

  describe(`${target.name}: paths and methods no operation serves`, () => {
    const seed = budget.seed + 100;
    it(`answers unknown paths with 404 and unserved methods with 405 and Allow, in the vendor's error shape [seed ${seed}]`, async () => {
      const { send, fixture, plans } = await fuzzedMock(target, seed);
      await fuzz({
        target,
        send,
        plans: plans.unrouted,
        pool: fixture.pool,
        seed,
        numRuns: budget.unrouted,
        stats: totals,
      });
    });
  });

  describe(`${target.name}: stored state under a fuzz batch`, () => {
    const seed = budget.seed + 200;
    it(`leaves the victim tenant's runs, results and credits unchanged and Object.prototype clean [seed ${seed}]`, async () => {
      const { send, fixture, plans } = await fuzzedMock(target, seed);
      const before = await fixture.victimState();
      const prototype = prototypeFingerprint();
      await fuzz({
        target,
        send,
        plans: plans.any,
        pool: fixture.pool,
        seed,
        numRuns: budget.victimBatch,
        stats: totals,
        invariant: () => (prototypeFingerprint() === prototype ? undefined : 'Object.prototype changed'),
      });
      expect(await fixture.victimState()).toEqual(before);
    });
  });
}
