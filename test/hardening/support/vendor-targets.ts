import adminDocument from '../../../src/generated/admin.document.js';
import exaDocument from '../../../src/generated/exa-websets.document.js';
import puffleDocument from '../../../src/generated/puffle.document.js';
import sendkitDocument from '../../../src/generated/sendkit.document.js';
import type { OpenApiDocument } from '../../../src/openapi/document-resolver.js';

/** Scenarios a vendor request may pick: mostly none, some fault-free ones, one that injects, an unknown one. */
const SCENARIO_PICKS: readonly (string | undefined)[] = [
  ...Array<undefined>(6).fill(undefined),
  'client-tolerance',
  'happy-path-fast',
  'empty-scopes',
  'partial-failures',
  'insufficient-credits',
  'dispatch-failure',
  'no-such-scenario',
];

export type HeaderMap = Record<string, string>;

/** One API under fuzz: where it lives, who may call it, and what its errors look like. */
export interface Target {
  name: 'puffle' | 'sendkit' | 'exa' | 'admin';
  /** Origin the in-process handlers answer on (unused for the control API, which is served by the server). */
  origin: string;
  /** Path prefix of every operation; a request outside it is not this API's. */
  basePath: string;
  document: OpenApiDocument;
  /** JSON pointer of the error schema every error answer, routed or not, must match. */
  errorSchema: string;
  /** Credentials: the victim's (whose state must survive the fuzz), the fuzzers', and broken ones. */
  auth: { victim: HeaderMap; fuzz: HeaderMap[]; bad: HeaderMap[] };
  /** Credentials are checked before routing: an unknown path with bad credentials is a 401, not a 404. */
  authBeforeRouting?: boolean;
  /** Scenarios requests may pick with `X-Mock-Scenario` (`undefined`: none). */
  scenarioPicks: readonly (string | undefined)[];
  /** Further checks of one answer, as problems (empty when fine). */
  check?(answer: { status: number; headers: Headers; json: unknown; head: boolean }): string[];
}

/** A vendor API (the control API is the other kind of target). */
export type VendorTarget = Target & { name: 'puffle' | 'sendkit' | 'exa' };

export const PUFFLE: VendorTarget = {
  name: 'puffle',
  origin: 'https://app.puffle.ai',
  basePath: '/api',
  document: puffleDocument,
  errorSchema: '/components/schemas/PuffleError',
  scenarioPicks: SCENARIO_PICKS,
  auth: {
    victim: { authorization: 'Bearer pk_live_victim' },
    fuzz: [{ authorization: 'Bearer pk_live_fuzz_a' }, { authorization: 'bearer   pk_live_fuzz_b' }],
    bad: [
      {},
      { authorization: '' },
      { authorization: 'Bearer' },
      { authorization: 'Basic cGs6eA==' },
      { authorization: 'Bearer two keys' },
    ],
  },
};

const RATE_LIMIT_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

export const SENDKIT: VendorTarget = {
  name: 'sendkit',
  origin: 'https://api.sendkit.ai',
  basePath: '/v1',
  document: sendkitDocument,
  errorSchema: '/components/schemas/SendkitError',
  scenarioPicks: SCENARIO_PICKS,
  auth: {
    victim: { 'x-api-key': 'sk_victim' },
    fuzz: [
      { 'x-api-key': 'sk_fuzz_a' },
      { authorization: 'Bearer sk_fuzz_b' },
      { 'x-api-key': 'sk_user_fuzz', 'x-workspace-id': 'ws_fuzz' },
    ],
    bad: [
      {},
      { 'x-api-key': '' },
      { 'x-api-key': 'pk_not_sendkit' },
      { 'x-api-key': 'sk_user_no_workspace' },
      { 'x-api-key': 'sk_fuzz_a', 'x-workspace-id': 'ws_fuzz' },
      { authorization: 'Bearer' },
    ],
  },
  check: ({ headers }) =>
    RATE_LIMIT_HEADERS.filter((name) => !/^\d+$/.test(headers.get(name) ?? '')).map(
      (name) => `missing or non-numeric ${name} header`,
    ),
};

export const EXA: VendorTarget = {
  name: 'exa',
  origin: 'https://api.exa.ai',
  basePath: '/websets/v0',
  document: exaDocument,
  errorSchema: '/components/schemas/ExaError',
  scenarioPicks: SCENARIO_PICKS,
  auth: {
    victim: { 'x-api-key': 'exa_victim' },
    fuzz: [{ 'x-api-key': 'exa_fuzz_a' }, { 'x-api-key': '  exa_fuzz_b  ' }],
    bad: [{}, { 'x-api-key': '' }, { 'x-api-key': '   ' }, { authorization: 'Bearer exa_fuzz_a' }],
  },
  check: ({ status, headers, json, head }) => {
    if (status < 400 || head) return [];
    const requestId = (json as { requestId?: unknown } | undefined)?.requestId;
    return requestId === headers.get('x-request-id')
      ? []
      : [`error requestId ${String(requestId)} is not the X-Request-Id header`];
  },
};

export const ADMIN_TOKEN = 'hardening-admin-token';

export const ADMIN: Target = {
  name: 'admin',
  origin: 'http://127.0.0.1',
  basePath: '/__admin',
  document: adminDocument,
  errorSchema: '/components/schemas/AdminError',
  authBeforeRouting: true,
  scenarioPicks: [undefined],
  auth: {
    victim: { authorization: `Bearer ${ADMIN_TOKEN}` },
    fuzz: [{ authorization: `Bearer ${ADMIN_TOKEN}` }, { authorization: `bearer ${ADMIN_TOKEN} ` }],
    bad: [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: `Basic ${ADMIN_TOKEN}` },
      { authorization: '' },
    ],
  },
};
