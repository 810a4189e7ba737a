import { expect } from 'vitest';
import document from '../../../src/generated/exa-websets.document.js';
import type { components } from '../../../src/generated/exa-websets.types.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { createContractCaller, type ContractResponse } from '../../support/contract-call.js';
import type { CallOptions } from '../../support/json-call.js';
import { setupWithClient, type TransportHarness } from '../../support/mock-harness.js';

export type Schemas = components['schemas'];

export const EXA_ORIGIN = 'https://api.exa.ai';
export const BASE = '/websets/v0';

const contract = createContractCaller({
  document,
  origin: EXA_ORIGIN,
  checkEvery: (response) => {
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    if (response.status >= 400) {
      expect(response.json).toEqual({
        requestId,
        error: expect.any(String),
        tag: expect.stringMatching(/^[A-Z_]+$/),
      });
    }
  },
  checkUnrouted: () => undefined,
});

/** Every (operationId, status) pair a checked call has seen, for the conformance coverage check. */
export const seenResponses = contract.seen;

export type ExaResponse = ContractResponse;

/**
 * Calls the mock through the harness and checks the answer against `openapi/exa-websets.yaml`: a routed
 * operation's response must be declared and conform (status, X-Request-Id, body); an unrouted one must
 * still be an `ExaError`. Every error body carries the request id of the `X-Request-Id` header, and no
 * response is a 500.
 */
export async function checkedCall(
  harness: TransportHarness,
  method: string,
  path: string,
  init: CallOptions = {},
): Promise<ExaResponse> {
  return contract.call(harness, method, path, init);
}

/** Asserts an Exa error: the status, the tag, and (when given) a fragment of the message. */
export function expectExaError(response: ExaResponse, status: number, tag: string, fragment?: string): void {
  expect(response.status, response.text).toBe(status);
  expect(response.json).toMatchObject({
    tag,
    ...(fragment === undefined ? {} : { error: expect.stringContaining(fragment) }),
  });
}

/** Query string from a record; arrays repeat the parameter. */
export function queryOf(query: Record<string, string | number | readonly string[]>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) search.append(name, String(one));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** An Exa client bound to one API key (`null`: no x-api-key header), calling like exa-js does. */
export function exaClient(harness: TransportHarness, key: string | null) {
  const auth: Record<string, string> = key === null ? {} : { 'x-api-key': key };
  const call = (method: string, path: string, init: CallOptions = {}) =>
    checkedCall(harness, method, `${BASE}${path}`, { ...init, headers: { ...auth, ...init.headers } });
  const at = (reference: string) => `/websets/${encodeURIComponent(reference)}`;
  /** exa-js sends `Content-Type: application/json` even without a body. */
  const bodiless = { headers: { 'content-type': 'application/json' } };
  return {
    call,
    createWebset: (body: unknown) => call('POST', '/websets', { body }),
    listWebsets: (query: Record<string, string | number> = {}) => call('GET', `/websets${queryOf(query)}`),
    getWebset: (reference: string, query: Record<string, string | readonly string[]> = {}) =>
      call('GET', `${at(reference)}${queryOf(query)}`),
    updateWebset: (reference: string, body: unknown) => call('POST', at(reference), { body }),
    deleteWebset: (reference: string) => call('DELETE', at(reference), bodiless),
    cancelWebset: (reference: string) => call('POST', `${at(reference)}/cancel`, bodiless),
    listItems: (reference: string, query: Record<string, string | number> = {}) =>
      call('GET', `${at(reference)}/items${queryOf(query)}`),
    getItem: (reference: string, id: string) =>
      call('GET', `${at(reference)}/items/${encodeURIComponent(id)}`),
    createEnrichment: (reference: string, body: unknown) =>
      call('POST', `${at(reference)}/enrichments`, { body }),
    getEnrichment: (reference: string, id: string) =>
      call('GET', `${at(reference)}/enrichments/${encodeURIComponent(id)}`),
    updateEnrichment: (reference: string, id: string, body: unknown) =>
      call('PATCH', `${at(reference)}/enrichments/${encodeURIComponent(id)}`, { body }),
    deleteEnrichment: (reference: string, id: string) =>
      call('DELETE', `${at(reference)}/enrichments/${encodeURIComponent(id)}`, bodiless),
    cancelEnrichment: (reference: string, id: string) =>
      call('POST', `${at(reference)}/enrichments/${encodeURIComponent(id)}/cancel`, bodiless),
    listEvents: (query: Record<string, string | number | readonly string[]> = {}) =>
      call('GET', `/events${queryOf(query)}`),
    getEvent: (id: string) => call('GET', `/events/${encodeURIComponent(id)}`),
  };
}

export type ExaClient = ReturnType<typeof exaClient>;

/** A harness on `scenario` with a client for `key`, plus views of that key's credits and of every live run. */
export function exaSetup(scenario: string | Scenario, seed: number, key = 'exa_test_key') {
  return setupWithClient(scenario, seed, key, exaClient);
}

/** A Webset body: a person search of `count` Items, with the given Enrichments. */
export function websetBody(count: number, enrichments: unknown[] = [], extra: Record<string, unknown> = {}) {
  return {
    search: { query: 'Heads of revenue operations at B2B SaaS companies', count, entity: { type: 'person' } },
    enrichments,
    ...extra,
  };
}

export const EMAIL = { description: 'Find the work email address of this person', format: 'email' };

/** Creates a Webset and returns it, failing the test on any other answer. */
export async function createWebset(client: ExaClient, body: unknown): Promise<Schemas['Webset']> {
  const response = await client.createWebset(body);
  expect(response.status, response.text).toBe(201);
  return response.json as Schemas['Webset'];
}
