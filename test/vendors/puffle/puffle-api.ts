import { expect } from 'vitest';
import document from '../../../src/generated/puffle.document.js';
import type { components } from '../../../src/generated/puffle.types.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { createContractCaller, type ContractResponse } from '../../support/contract-call.js';
import type { CallOptions } from '../../support/json-call.js';
import { contextOf, setupWithClient, type TransportHarness } from '../../support/mock-harness.js';

export type Schemas = components['schemas'];
export type CreateBody = Partial<Schemas['CreateEnrichmentRunRequest']> & Record<string, unknown>;

export const PUFFLE_ORIGIN = 'https://app.puffle.ai';

const contract = createContractCaller({
  document,
  origin: PUFFLE_ORIGIN,
  checkEvery: (response) => expect(response.headers.get('x-request-id')).toBeTruthy(),
  checkUnrouted: (response) =>
    expect(response.json).toMatchObject({ error: expect.any(String), code: expect.any(String) }),
});

/** Every (operationId, status) pair a checked call has seen, for the conformance coverage check. */
export const seenResponses = contract.seen;

export type PuffleResponse = ContractResponse;

export interface CheckOptions {
  /** The scenario injects 500s for this call: do not treat one as a crash. */
  injected500?: boolean;
}

/**
 * Calls the mock through the harness and checks the answer against `openapi/puffle.yaml`: a routed
 * operation's response must be declared and conform (status, headers, body); an unrouted one must still
 * be a `PuffleError`. No response may be a 500 the scenario did not inject.
 */
export async function checkedCall(
  harness: TransportHarness,
  method: string,
  path: string,
  init: CallOptions = {},
  check: CheckOptions = {},
): Promise<PuffleResponse> {
  return contract.call(harness, method, path, init, check);
}

/** Asserts a Puffle error answer: its status, its code and, when given, a text its message mentions. */
export function expectError(response: PuffleResponse, status: number, code: string, mentions?: string): void {
  expect(response.status, response.text).toBe(status);
  expect(response.json.code).toBe(code);
  if (mentions !== undefined) expect(response.json.error).toContain(mentions);
}

/** A harness on `scenario` with a client for `key`, plus views of that key's credits and of every live run. */
export function puffleSetup(scenario: string | Scenario, seed: number, key = 'pk_live_test') {
  return setupWithClient(scenario, seed, key, puffleClient);
}

/** A Puffle client bound to one API key (`null`: no Authorization header). */
export function puffleClient(harness: TransportHarness, key: string | null, check: CheckOptions = {}) {
  const auth = key === null ? {} : { authorization: `Bearer ${key}` };
  const call = (method: string, path: string, init: CallOptions = {}) =>
    checkedCall(harness, method, path, { ...init, headers: { ...auth, ...init.headers } }, check);
  return {
    call,
    create: (body: CreateBody, headers: Record<string, string> = {}) =>
      call('POST', '/api/enrichment', { body, headers }),
    get: (id: string) => call('GET', `/api/enrichment/${encodeURIComponent(id)}`),
    items: (id: string, query: Record<string, string | number> = {}) => {
      const search = new URLSearchParams(
        Object.entries(query).map(([name, value]): [string, string] => [name, String(value)]),
      ).toString();
      return call('GET', `/api/enrichment/${encodeURIComponent(id)}/items${search ? `?${search}` : ''}`);
    },
    cancel: (id: string, init: CallOptions = {}) =>
      call('POST', `/api/enrichment/${encodeURIComponent(id)}/cancel`, init),
    catalog: (query: Record<string, string> = {}) => {
      const search = new URLSearchParams(query).toString();
      return call('GET', `/api/enrichments${search ? `?${search}` : ''}`);
    },
  };
}

export type PuffleClient = ReturnType<typeof puffleClient>;

/** A persisted run over a whole default list. */
export function listRun(enrichmentId: string, listId: string, extra: CreateBody = {}): CreateBody {
  return { enrichmentId, scope: { type: 'list', listId }, input: {}, ...extra };
}

/** The first `count` lead ids of one of the tenant's lists (test setup; Puffle has no leads endpoint). */
export function leadIdsOf(harness: TransportHarness, key: string, listId: string, count: number): string[] {
  const { simulator } = contextOf(harness);
  const list = simulator.tenant(key).listsById.get(listId);
  if (!list) throw new Error(`No list ${listId} for ${key}`);
  return Array.from({ length: count }, (_, index) => simulator.leadAt(list, index)?.id ?? '');
}

/** Starts a persisted run and returns its id, failing the test on any other answer. */
export async function startRun(client: PuffleClient, body: CreateBody): Promise<string> {
  const response = await client.create(body);
  expect(response.status, response.text).toBe(200);
  return response.json.enrichmentRunId as string;
}
