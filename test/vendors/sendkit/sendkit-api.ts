import { expect } from 'vitest';
import document from '../../../src/generated/sendkit.document.js';
import type { components } from '../../../src/generated/sendkit.types.js';
import { createContractCaller, type ContractResponse } from '../../support/contract-call.js';
import type { CallOptions } from '../../support/json-call.js';
import type { TransportHarness } from '../../support/mock-harness.js';

export type Schemas = components['schemas'];
export type EnrichmentType = Schemas['EnrichmentType'];

export const SENDKIT_ORIGIN = 'https://api.sendkit.ai';
/** Sendkit's job id shape: `bulk_<job type>_<epoch ms>_<7 lowercase alphanumerics>`. */
export const JOB_ID =
  /^bulk_(email_verification|phone_enrichment|seg_gateway|esp_detection)_(\d+)_[a-z0-9]{7}$/;
export const SEVEN_DAYS = 7 * 24 * 60 * 60_000;

const contract = createContractCaller({
  document,
  origin: SENDKIT_ORIGIN,
  checkUnrouted: (response) => {
    expect(response.json).toEqual({
      success: false,
      error: { code: expect.any(String), message: expect.any(String) },
    });
    for (const name of ['x-request-id', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'])
      expect(response.headers.get(name), name).toMatch(/\S/);
  },
});

/** Every (operationId, status) pair a checked call has seen, for the conformance coverage check. */
export const seenResponses = contract.seen;

export type SendkitResponse = ContractResponse;

/**
 * Calls the mock through the harness and checks the answer against `openapi/sendkit.yaml`: a routed
 * operation's response must be declared and conform (status, headers, body); an unrouted one must still
 * be a Sendkit error envelope with the rate-limit headers. No response may be a 500 nobody injected.
 */
export async function checkedCall(
  harness: TransportHarness,
  method: string,
  path: string,
  init: CallOptions = {},
): Promise<SendkitResponse> {
  return contract.call(harness, method, path, init);
}

/** Who calls: a workspace key, a platform key with its workspace, or raw headers (`{ headers: {} }`: no auth at all). */
export type Caller = string | { key: string; workspace: string } | { headers: Record<string, string> };

function authHeaders(caller: Caller): Record<string, string> {
  if (typeof caller === 'string') return { 'x-api-key': caller };
  if ('headers' in caller) return caller.headers;
  return { 'x-api-key': caller.key, 'x-workspace-id': caller.workspace };
}

/** A Sendkit client bound to one caller. */
export function sendkitClient(harness: TransportHarness, caller: Caller) {
  const call = (method: string, path: string, init: CallOptions = {}) =>
    checkedCall(harness, method, path, { ...init, headers: { ...authHeaders(caller), ...init.headers } });
  return {
    call,
    enrich: (body: unknown) => call('POST', '/v1/enrichment/enrich', { body }),
    job: (id: string) => call('GET', `/v1/enrichment/jobs/${encodeURIComponent(id)}`),
    cancel: (id: string, init: CallOptions = {}) =>
      call('POST', `/v1/enrichment/jobs/${encodeURIComponent(id)}/cancel`, init),
    leads: (query: Record<string, string | number | boolean> = {}) => {
      const search = new URLSearchParams(
        Object.entries(query).map(([name, value]): [string, string] => [name, String(value)]),
      ).toString();
      return call('GET', `/v1/leads${search ? `?${search}` : ''}`);
    },
  };
}

export type SendkitClient = ReturnType<typeof sendkitClient>;

/** The ids of the caller's first `count` leads, as `GET /v1/leads` lists them. */
export async function leadIds(client: SendkitClient, count = 25): Promise<string[]> {
  const response = await client.leads({ limit: count });
  expect(response.status, response.text).toBe(200);
  return (response.json.data.leads as { id: string }[]).map((lead) => lead.id);
}

/** Starts jobs and returns them, failing the test on any other answer. */
export async function startJobs(
  client: SendkitClient,
  ids: string[],
  types: EnrichmentType[],
): Promise<{ jobId: string; type: string; status: string; totalItems: number; creditsUsed: number }[]> {
  const response = await client.enrich({ leadIds: ids, enrichmentTypes: types });
  expect(response.status, response.text).toBe(200);
  return response.json.data.jobs;
}

/** Starts one job over the caller's first `count` leads and returns its id. */
export async function startJob(
  client: SendkitClient,
  type: EnrichmentType = 'email',
  count = 25,
): Promise<string> {
  const [job] = await startJobs(client, await leadIds(client, count), [type]);
  return job?.jobId ?? '';
}
