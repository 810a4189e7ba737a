import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createEnrichmentMock } from '../../src/mock/create-enrichment-mock.js';
import { createOperationIndex } from '../../src/openapi/operation-index.js';
import { parseJsonText } from '../support/json-text.js';
import { createAnswerChecker, type Answer } from './support/answer-check.js';
import { CONTENT_TYPES, INVALID_UTF8, prototypeFingerprint } from './support/hostile-values.js';
import type { FuzzRequest } from './support/request-plan.js';
import { EXA, PUFFLE, SENDKIT, type HeaderMap, type VendorTarget } from './support/vendor-targets.js';

const LIMIT = 1_048_576;

/** A body each vendor's main create operation accepts (its shape, not necessarily its semantics). */
const CREATES: Record<VendorTarget['name'], { path: string; body: Record<string, unknown> }> = {
  puffle: {
    path: '/api/enrichment',
    body: { enrichmentId: 'work_email', scope: { type: 'list', listId: 'list_prospects' }, input: {} },
  },
  sendkit: {
    path: '/v1/enrichment/enrich',
    body: { leadIds: ['0123456789abcdef01234567'], enrichmentTypes: ['email'] },
  },
  exa: {
    path: '/websets/v0/websets',
    body: { search: { query: 'Founders of robotics startups', count: 2 } },
  },
};

type Body = string | Uint8Array | ReadableStream<Uint8Array>;

/** One request through msw's `getResponse`, checked against the vendor's document; returns the answer. */
async function send(
  target: VendorTarget,
  method: string,
  path: string,
  init: { headers?: HeaderMap; body?: Body; seed?: number; scenario?: string } = {},
): Promise<Answer & { problems: string[] }> {
  const mock = createEnrichmentMock({ scenario: 'default', seed: init.seed ?? 1 });
  return sendTo(mock, target, method, path, init);
}

async function sendTo(
  mock: ReturnType<typeof createEnrichmentMock>,
  target: VendorTarget,
  method: string,
  path: string,
  init: { headers?: HeaderMap; body?: Body } = {},
): Promise<Answer & { problems: string[] }> {
  const headers: HeaderMap = { ...target.auth.fuzz[0], ...init.headers };
  const requestInit: RequestInit & { duplex?: 'half' } = { method, headers };
  if (init.body !== undefined) requestInit.body = init.body;
  if (init.body instanceof ReadableStream) requestInit.duplex = 'half';
  const response = await getResponse(mock.handlers, new Request(`${target.origin}${path}`, requestInit));
  if (!response) throw new Error(`No handler answered ${method} ${path}`);
  const text = await response.text();
  const answer: Answer = {
    status: response.status,
    headers: response.headers,
    text,
    json: parseJsonText(text),
  };
  const request: FuzzRequest = {
    method,
    target: path,
    headers,
    body: undefined,
    scenario: headers['x-mock-scenario'],
    label: `${method} ${path}`,
  };
  return { ...answer, problems: createAnswerChecker(target)(request, answer) };
}

const json = { 'content-type': 'application/json' };

/** The tenant key the first fuzz credentials of a target stand for. */
const tenantOf = (target: VendorTarget): string => {
  const headers = target.auth.fuzz[0] ?? {};
  return (headers['x-api-key'] ?? headers['authorization'] ?? '').replace(/^bearer\s+/i, '').trim();
};
const deepArray = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe.each([PUFFLE, SENDKIT, EXA])('$name: hostile bodies', (target) => {
  const create = CREATES[target.name];

  it('answers a body nested 10,000 levels deep with a 400 in the vendor error shape, not a crash', async () => {
    const body = JSON.stringify(create.body).replace(/\}$/, `,"nested":${deepObject(10_000)}}`);
    const answer = await send(target, 'POST', create.path, { headers: json, body });
    expect(answer.status, answer.text).toBe(400);
    expect(answer.problems).toEqual([]);
  });

  it('answers a body nested 1,000 levels deep within the contract', async () => {
    const body = JSON.stringify(create.body).replace(/\}$/, `,"nested":${deepObject(1_000)}}`);
    const answer = await send(target, 'POST', create.path, { headers: json, body });
    expect(answer.status, answer.text).toBeLessThan(500);
    expect(answer.problems).toEqual([]);
    const array = await send(target, 'POST', create.path, { headers: json, body: deepArray(1_000) });
    expect(array.status, array.text).toBe(400);
    expect(array.problems).toEqual([]);
  });

  it.each(
    INVALID_UTF8.map((bytes) => ({ bytes: bytes.map((byte) => byte.toString(16)).join(' '), raw: bytes })),
  )('refuses bytes that are not UTF-8 ($bytes) with 400 in the vendor error shape', async ({ raw }) => {
    const text = new TextEncoder().encode(JSON.stringify(create.body));
    const body = new Uint8Array([...text.subarray(0, 5), ...raw, ...text.subarray(5)]);
    const answer = await send(target, 'POST', create.path, { headers: json, body });
    expect(answer.status, answer.text).toBe(400);
    expect(answer.problems).toEqual([]);
  });

  it.each([
    { how: 'with its Content-Length', stream: false },
    { how: 'streamed without a length', stream: true },
  ])('refuses a body one byte over the 1 MiB limit, $how, with 413', async ({ stream }) => {
    const text = JSON.stringify({ ...create.body, padding: 'x'.repeat(LIMIT) }).slice(0, LIMIT + 1);
    const bytes = new TextEncoder().encode(text);
    const body = stream
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            for (let at = 0; at < bytes.length; at += 65_536)
              controller.enqueue(bytes.subarray(at, at + 65_536));
            controller.close();
          },
        })
      : bytes;
    const answer = await send(target, 'POST', create.path, { headers: json, body });
    expect(answer.status, answer.text).toBe(413);
    expect(answer.problems).toEqual([]);
  });

  it('accepts a body of exactly the limit as far as size goes', async () => {
    const text = JSON.stringify(create.body);
    const body = text.replace(/\}$/, `${' '.repeat(LIMIT - text.length - 1)}}`);
    const answer = await send(target, 'POST', create.path, { headers: json, body });
    expect(answer.status, answer.text).not.toBe(413);
    expect(answer.problems).toEqual([]);
  });

  it.each(CONTENT_TYPES.filter((type) => !/^application\/(json|vnd\.api\+json)/i.test(type)))(
    'refuses a JSON body sent as "%s" with 415',
    async (contentType) => {
      const headers = contentType === '' ? {} : { 'content-type': contentType };
      const answer = await send(target, 'POST', create.path, { headers, body: JSON.stringify(create.body) });
      expect(answer.status, answer.text).toBe(415);
      expect(answer.problems).toEqual([]);
    },
  );

  it.each([
    {
      where: 'at the root',
      body: `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${JSON.stringify(create.body).slice(1)}`,
    },
    { where: 'nested', body: JSON.stringify(create.body).replace(/\{"/, '{"__proto__":{"polluted":true},"') },
  ])(
    'keeps __proto__ and constructor keys $where as data: Object.prototype stays clean',
    async ({ body }) => {
      const before = prototypeFingerprint();
      const answer = await send(target, 'POST', create.path, { headers: json, body });
      expect(answer.status).toBeLessThan(500);
      expect(answer.problems).toEqual([]);
      expect(prototypeFingerprint()).toBe(before);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
  );

  it.each(['1e308', '-1e308', '18446744073709551616', '-0', '1e400', '"NaN"', '"Infinity"', '0.1e-400'])(
    'answers %s in every numeric and string slot within the contract, leaving credits a whole number',
    async (literal) => {
      const mock = createEnrichmentMock({ scenario: 'default', seed: 2 });
      const text = JSON.stringify(create.body).replace(/:("[^"]*"|\d+)/g, `:${literal}`);
      const answer = await sendTo(mock, target, 'POST', create.path, { headers: json, body: text });
      expect(answer.status, answer.text).toBeLessThan(500);
      expect(answer.problems).toEqual([]);
      const credits = mock.runtime.context()?.simulator.tenant(tenantOf(target)).credits;
      expect(Number.isSafeInteger(credits) && (credits ?? -1) >= 0, String(credits)).toBe(true);
    },
  );
});

describe.each([PUFFLE, SENDKIT, EXA])('$name: methods, paths, ids and query strings', (target) => {
  const index = createOperationIndex(target.document);
  const templates = [...new Set(index.operations.map((operation) => operation.path))];
  const concrete = (template: string): string => template.replace(/\{[^}]+\}/g, 'hardening-id');

  it("answers every method a path does not serve with 405, an Allow header of the path's methods and the vendor error shape", async () => {
    const mock = createEnrichmentMock({ scenario: 'default', seed: 3 });
    for (const template of templates) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND']) {
        const match = index.match(method, concrete(template));
        if (match.kind !== 'method_not_allowed') continue;
        const answer = await sendTo(mock, target, method, concrete(template));
        expect(answer.status, `${method} ${template}`).toBe(405);
        expect(answer.problems, `${method} ${template}`).toEqual([]);
      }
    }
  });

  it.each([
    { name: 'a word', suffix: '/nope' },
    { name: 'too many segments', suffix: '/enrichment/x/y/z/w' },
    { name: 'an emoji', suffix: '/%F0%9F%92%A5' },
    { name: 'a right-to-left override', suffix: '/%E2%80%AEevil' },
    { name: 'encoded dot segments', suffix: '/..%2F..%2Fetc%2Fpasswd' },
    { name: 'an empty segment', suffix: '//double' },
    { name: 'a trailing slash', suffix: '/trailing/' },
    { name: 'a 5,000-character segment', suffix: `/${'a'.repeat(5_000)}` },
    { name: '__proto__', suffix: '/__proto__' },
    { name: 'constructor/prototype', suffix: '/constructor/prototype' },
  ])('answers an unknown path ($name) with 404 in the vendor error shape', async ({ suffix }) => {
    const answer = await send(target, 'GET', `${target.basePath}${suffix}`);
    expect(answer.status, answer.text).toBe(404);
    expect(answer.problems).toEqual([]);
  });

  it('answers a path with malformed percent-encoding (%zz, %E0%A4%A) with 404 in the vendor error shape', async () => {
    for (const segment of ['%zz', '%E0%A4%A']) {
      const answer = await send(target, 'GET', `${concrete(templates.at(-1) ?? '')}/${segment}`);
      expect(answer.status, answer.text).toBe(404);
      expect(answer.problems).toEqual([]);
    }
  });

  const idOperations = index.operations.filter((operation) => operation.path.includes('{'));
  it.each([
    '💥',
    'ñandú',
    '\u202eevil',
    'e\u0301',
    '零一二',
    '\u200b',
    '__proto__',
    'constructor',
    ' ',
    '..',
  ])(
    'answers the id "%s" on every path with an id within the contract (404 for an id nobody has)',
    async (id) => {
      const mock = createEnrichmentMock({ scenario: 'default', seed: 4 });
      for (const operation of idOperations) {
        const path = operation.path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
        const body = operation.requestBody ? JSON.stringify({}) : undefined;
        const answer = await sendTo(mock, target, operation.method, path, {
          ...(body === undefined ? {} : { body, headers: json }),
        });
        expect(answer.status, `${operation.id} ${answer.text}`).toBeLessThan(500);
        expect(answer.problems, operation.id).toEqual([]);
      }
    },
  );

  it('reads repeated, bracketed and unknown query parameters within the contract', async () => {
    const mock = createEnrichmentMock({ scenario: 'default', seed: 5 });
    const reads = index.operations.filter((operation) => operation.method === 'GET');
    for (const operation of reads) {
      const path = concrete(operation.path);
      for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
        for (const query of [
          `${parameter.name}=1&${parameter.name}=2`,
          `${parameter.name}[]=x&${parameter.name}=y`,
          `${parameter.name}=&${parameter.name}[]=`,
          `${parameter.name}=${encodeURIComponent('1e308')}`,
          `__proto__[polluted]=1&constructor[prototype][polluted]=1`,
        ]) {
          const answer = await sendTo(mock, target, 'GET', `${path}?${query}`);
          expect(answer.status, `${operation.id}?${query}: ${answer.text}`).toBeLessThan(500);
          expect(answer.problems, `${operation.id}?${query}`).toEqual([]);
        }
      }
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('answers an unknown X-Mock-Scenario with a status the operation declares', async () => {
    const mock = createEnrichmentMock({ scenario: 'default', seed: 6 });
    for (const operation of index.operations) {
      const body = operation.requestBody ? JSON.stringify({}) : undefined;
      const answer = await sendTo(mock, target, operation.method, concrete(operation.path), {
        headers: { 'x-mock-scenario': 'no-such-scenario', ...(body === undefined ? {} : json) },
        ...(body === undefined ? {} : { body }),
      });
      expect(answer.problems, `${operation.id}: ${answer.status} ${answer.text}`).toEqual([]);
    }
  });

  it('answers a blank X-Request-Id with a request id of its own', async () => {
    const answer = await send(target, 'GET', concrete(templates[0] ?? ''), {
      headers: { 'x-request-id': ' ' },
    });
    expect(answer.headers.get('x-request-id')).toMatch(/\S/);
    expect(answer.problems).toEqual([]);
  });
});

describe('client-tolerance answers', () => {
  it('add the additive field only where additionalProperties allows it, so metadata maps stay string-valued', async () => {
    const mock = createEnrichmentMock({ scenario: 'client-tolerance', seed: 7 });
    const headers = { ...json, 'x-api-key': 'exa_tolerance' };
    const webhook = {
      events: ['webset.created'],
      url: 'https://hooks.example/exa',
      metadata: { team: 'growth' },
    };
    const webset = { search: { query: 'Heads of data at insurers', count: 2 }, metadata: { team: 'growth' } };
    for (const [path, body] of [
      ['/websets/v0/webhooks', webhook],
      ['/websets/v0/websets', webset],
    ] as const) {
      const answer = await sendTo(mock, EXA, 'POST', path, { headers, body: JSON.stringify(body) });
      expect(answer.status, answer.text).toBeLessThan(300);
      expect(answer.problems).toEqual([]);
    }
  });
});
