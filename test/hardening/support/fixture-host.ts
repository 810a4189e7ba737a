import type { Runtime } from '../../../src/runtime/mock-runtime.js';
import { describeTenant } from '../../../src/runtime/tenant-admin.js';
import { contextOf } from '../../support/mock-harness.js';
import type { Answer } from './answer-check.js';
import type { Send } from './fuzz-runner.js';
import type { HeaderMap } from './vendor-targets.js';

/** What the fixtures need of a mock or a server: its runtime, and a way to move its virtual clock. */
export interface FixtureHost {
  runtime: Runtime;
  advance(ms: number): void;
}

export const leadIdsOf = (host: FixtureHost, key: string): string[] =>
  describeTenant(contextOf(host), key).lists[0]?.leadIds.slice(0, 10) ?? [];

/** Sends one request with a JSON body and returns the answer; throws on a crash or when nothing answered. */
export async function call(
  send: Send,
  method: string,
  target: string,
  headers: HeaderMap,
  body?: unknown,
): Promise<Answer> {
  const outcome = await send({
    method,
    target,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : new TextEncoder().encode(JSON.stringify(body)),
    scenario: undefined,
    label: `${method} ${target}`,
  });
  if (outcome.kind !== 'answer') throw new Error(`Setup call ${method} ${target} failed: ${outcome.kind}`);
  return outcome.answer;
}

/** Fails setup unless the answer has the expected status. */
export function expectStatus(answer: Answer, status: number, what: string): Answer {
  if (answer.status !== status) throw new Error(`Setup: ${what} answered ${answer.status}: ${answer.text}`);
  return answer;
}

/** A tenant's stored state as the simulator holds it: credits, revocation and every run's ledger fields. */
export function storedState(host: FixtureHost, key: string): unknown {
  const { simulator } = contextOf(host);
  const tenant = simulator.tenant(key);
  return {
    credits: tenant.credits,
    revoked: tenant.revoked,
    runs: [...tenant.runs.values()].map((run) => ({
      id: run.id,
      vendor: run.vendor,
      size: run.size,
      creditsCharged: run.creditsCharged,
      cancelledAt: run.cancelledAt,
      deletedAt: run.deletedAt,
      idempotencyKey: run.idempotencyKey,
      state: simulator.state(run),
    })),
    lists: tenant.lists.map((list) => [list.id, list.size]),
  };
}

export const keyOf = (headers: HeaderMap): string =>
  (headers['x-api-key'] ?? headers['authorization'] ?? '').replace(/^bearer\s+/i, '').trim();
