import { describe, expect, it } from 'vitest';
import { createOperationIndex } from '../../src/openapi/operation-index.js';
import type { Operation } from '../../src/openapi/operation.js';
import { createRequestValidator, type RequestInput } from '../../src/openapi/request-validator.js';

const document = {
  openapi: '3.1.0',
  info: { title: 'request validator fixture', version: '1' },
  paths: {
    '/api/enrichment/{enrichmentId}/items': {
      parameters: [
        { name: 'enrichmentId', in: 'path', required: true, schema: { type: 'string', minLength: 3 } },
      ],
      get: {
        operationId: 'listItems',
        parameters: [
          { $ref: '#/components/parameters/Limit' },
          { name: 'offset', in: 'query', schema: { type: 'number' } },
          { name: 'includeDeleted', in: 'query', schema: { type: 'boolean', default: false } },
          {
            name: 'types',
            in: 'query',
            schema: { type: 'array', items: { $ref: '#/components/schemas/Field' } },
          },
          { name: 'ids', in: 'query', explode: false, schema: { type: 'array', items: { type: 'integer' } } },
          { name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string' } },
          { name: 'X-Page-Size', in: 'header', schema: { type: 'integer' } },
        ],
        responses: { '200': { description: 'ok' } },
      },
    },
    '/api/enrichments': {
      post: {
        operationId: 'createEnrichment',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateEnrichment' } } },
        },
        responses: { '201': { description: 'created' } },
      },
      put: {
        operationId: 'replaceEnrichment',
        requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { '200': { description: 'ok' } },
      },
      delete: { operationId: 'deleteEnrichments', responses: { '204': { description: 'deleted' } } },
    },
  },
  components: {
    parameters: {
      Limit: {
        name: 'limit',
        in: 'query',
        schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
      },
    },
    schemas: {
      Field: { type: 'string', enum: ['email', 'phone', 'company'] },
      CreateEnrichment: {
        type: 'object',
        additionalProperties: false,
        required: ['scope', 'fields'],
        properties: {
          mode: { type: 'string', enum: ['persisted', 'preview'], default: 'preview' },
          fields: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/Field' } },
          webhookUrl: { type: 'string', format: 'uri' },
          scope: { $ref: '#/components/schemas/Scope' },
          trigger: { $ref: '#/components/schemas/Trigger' },
          priority: { oneOf: [{ type: 'integer' }, { type: 'string', enum: ['high', 'low'] }] },
          owner: { oneOf: [{ $ref: '#/components/schemas/Owner' }, { type: 'null' }] },
          options: { type: 'object', properties: { retries: { type: 'integer', default: 2 } } },
          contact: {
            oneOf: [
              {
                type: 'object',
                required: ['email'],
                properties: { email: { type: 'string', format: 'email' } },
              },
              { type: 'object', required: ['phone'], properties: { phone: { type: 'string' } } },
            ],
          },
          tags: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
        },
      },
      Scope: {
        oneOf: [
          { $ref: '#/components/schemas/LeadsScope' },
          { $ref: '#/components/schemas/ListScope' },
          { $ref: '#/components/schemas/FilterScope' },
        ],
        discriminator: {
          propertyName: 'type',
          mapping: {
            leads: '#/components/schemas/LeadsScope',
            list: '#/components/schemas/ListScope',
            filter: '#/components/schemas/FilterScope',
          },
        },
      },
      LeadsScope: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'leadIds'],
        properties: {
          type: { const: 'leads' },
          leadIds: { type: 'array', minItems: 1, items: { type: 'string' } },
        },
      },
      ListScope: {
        type: 'object',
        required: ['type', 'listId'],
        properties: {
          type: { type: 'string', enum: ['list'] },
          listId: { type: 'string' },
          refresh: { $ref: '#/components/schemas/Trigger' },
        },
      },
      FilterScope: {
        type: 'object',
        required: ['type', 'query'],
        properties: { type: { type: 'string' }, query: { type: 'string' } },
      },
      Trigger: {
        oneOf: [
          {
            type: 'object',
            required: ['kind', 'at'],
            properties: { kind: { const: 'scheduled' }, at: { type: 'string', format: 'date-time' } },
          },
          { type: 'object', required: ['kind'], properties: { kind: { const: 'manual' } } },
        ],
      },
      Owner: {
        type: 'object',
        required: ['email'],
        properties: { email: { type: 'string', format: 'email' } },
      },
    },
  },
};

const index = createOperationIndex(document);
const validator = createRequestValidator(document);

function operation(id: string): Operation {
  const found = index.find(id);
  if (found === undefined) throw new Error(`fixture has no operation ${id}`);
  return found;
}

function listItems(query: string, headers: Record<string, string> = {}, params = { enrichmentId: 'run_1' }) {
  const input: RequestInput = {
    params,
    query: new URLSearchParams(query),
    headers: new Headers({ 'x-tenant': 'acme', ...headers }),
    body: undefined,
  };
  return validator.validate(operation('listItems'), input);
}

function createEnrichment(body: unknown) {
  const input = { params: {}, query: new URLSearchParams(), headers: new Headers(), body };
  return validator.validate(operation('createEnrichment'), input);
}

const validBody = { scope: { type: 'leads', leadIds: ['lead_1'] }, fields: ['email'] };

describe('createRequestValidator: parameters', () => {
  it.each([
    { given: 'limit=10', want: { limit: 10, includeDeleted: false } },
    { given: '', want: { limit: 25, includeDeleted: false } },
    { given: 'includeDeleted=true', want: { limit: 25, includeDeleted: true } },
    { given: 'includeDeleted=false&offset=1.5', want: { limit: 25, offset: 1.5, includeDeleted: false } },
    { given: 'includeDeleted=True', want: { limit: 25, includeDeleted: true } },
    { given: 'includeDeleted=FALSE', want: { limit: 25, includeDeleted: false } },
    { given: 'includeDeleted=tRuE', want: { limit: 25, includeDeleted: true } },
    {
      given: 'types=email&types=phone',
      want: { limit: 25, includeDeleted: false, types: ['email', 'phone'] },
    },
    {
      given: 'types[]=email&types[]=company',
      want: { limit: 25, includeDeleted: false, types: ['email', 'company'] },
    },
    { given: 'types=email', want: { limit: 25, includeDeleted: false, types: ['email'] } },
    { given: 'ids=1,2,3', want: { limit: 25, includeDeleted: false, ids: [1, 2, 3] } },
    { given: 'undeclared=1&__proto__=x', want: { limit: 25, includeDeleted: false } },
  ])('coerces query $given and applies defaults', ({ given, want }) => {
    const result = listItems(given);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.value.query).toStrictEqual(want);
  });

  it('coerces headers and keeps decoded path parameters, keyed by their declared names', () => {
    const result = listItems('', { 'x-page-size': '50' }, { enrichmentId: 'run 1/a' });
    expect(result).toMatchObject({
      ok: true,
      value: { params: { enrichmentId: 'run 1/a' }, headers: { 'X-Tenant': 'acme', 'X-Page-Size': 50 } },
    });
  });

  it.each([
    { query: 'limit=abc', where: 'query', path: 'limit', message: 'limit must be integer' },
    { query: 'limit=2.5', where: 'query', path: 'limit', message: 'limit must be integer' },
    { query: 'limit=0', where: 'query', path: 'limit', message: 'limit must be >= 1' },
    { query: 'offset=ten', where: 'query', path: 'offset', message: 'offset must be number' },
    {
      query: 'includeDeleted=yes',
      where: 'query',
      path: 'includeDeleted',
      message: 'includeDeleted must be boolean',
    },
    {
      query: 'types=email&types=fax',
      where: 'query',
      path: 'types[1]',
      message: 'types[1] must be one of: email, phone, company',
    },
    { query: 'ids=1,x', where: 'query', path: 'ids[1]', message: 'ids[1] must be integer' },
  ])('reports $message for $query', ({ query, where, path, message }) => {
    expect(listItems(query)).toStrictEqual({ ok: false, problems: [{ location: where, path, message }] });
  });

  it.each([
    {
      name: 'a missing required header',
      headers: new Headers(),
      params: { enrichmentId: 'run_1' },
      want: { location: 'header', path: 'X-Tenant', message: 'X-Tenant is required' },
    },
    {
      name: 'a header of the wrong type',
      headers: new Headers({ 'x-tenant': 'acme', 'x-page-size': 'big' }),
      params: { enrichmentId: 'run_1' },
      want: { location: 'header', path: 'X-Page-Size', message: 'X-Page-Size must be integer' },
    },
    {
      name: 'a path parameter that breaks its schema',
      headers: new Headers({ 'x-tenant': 'acme' }),
      params: { enrichmentId: 'ab' },
      want: {
        location: 'path',
        path: 'enrichmentId',
        message: 'enrichmentId must NOT have fewer than 3 characters',
      },
    },
    {
      name: 'a missing path parameter',
      headers: new Headers({ 'x-tenant': 'acme' }),
      params: {},
      want: { location: 'path', path: 'enrichmentId', message: 'enrichmentId is required' },
    },
  ])('reports $name', ({ headers, params, want }) => {
    const input = { params, query: new URLSearchParams(), headers, body: undefined };
    expect(validator.validate(operation('listItems'), input)).toStrictEqual({ ok: false, problems: [want] });
  });

  it('reports problems of every location together, path first and body last', () => {
    const input = {
      params: { enrichmentId: 'ab' },
      query: new URLSearchParams('limit=x'),
      headers: new Headers(),
      body: undefined,
    };
    const result = validator.validate(operation('listItems'), input);
    expect(result.ok ? [] : result.problems.map((problem) => problem.location)).toStrictEqual([
      'path',
      'query',
      'header',
    ]);
  });
});

describe('createRequestValidator: body', () => {
  it('applies schema defaults to a copy of the body', () => {
    const body = { ...validBody, options: {} };
    const result = createEnrichment(body);
    expect(result).toStrictEqual({
      ok: true,
      value: {
        params: {},
        query: {},
        headers: {},
        body: { ...validBody, mode: 'preview', options: { retries: 2 } },
      },
    });
    expect(body).toStrictEqual({ ...validBody, options: {} });
  });

  it.each([
    { name: 'a missing required body', body: undefined, want: [['', 'request body is required']] },
    { name: 'a null body', body: null, want: [['', 'request body must be object']] },
    { name: 'an array body', body: [validBody], want: [['', 'request body must be object']] },
    {
      name: 'missing fields',
      body: {},
      want: [
        ['scope', 'scope is required'],
        ['fields', 'fields is required'],
      ],
    },
    { name: 'an unknown field', body: { ...validBody, foo: 1 }, want: [['foo', 'unknown field: foo']] },
    {
      name: 'a value outside an enum',
      body: { ...validBody, mode: 'draft' },
      want: [['mode', 'mode must be one of: persisted, preview']],
    },
    {
      name: 'a too short array',
      body: { ...validBody, fields: [] },
      want: [['fields', 'fields must NOT have fewer than 1 items']],
    },
    {
      name: 'an enum item behind a $ref',
      body: { ...validBody, fields: ['email', 'fax'] },
      want: [['fields[1]', 'fields[1] must be one of: email, phone, company']],
    },
    {
      name: 'a bad format',
      body: { ...validBody, webhookUrl: 'not a url' },
      want: [['webhookUrl', 'webhookUrl must be a valid uri']],
    },
    {
      name: 'an unknown field that is called __proto__',
      body: JSON.parse(
        '{"__proto__":{"polluted":true},"scope":{"type":"list","listId":"l"},"fields":["email"]}',
      ),
      want: [['__proto__', 'unknown field: __proto__']],
    },
  ])('reports $name', ({ body, want }) => {
    const problems = want.map(([path, message]) => ({ location: 'body', path, message }));
    expect(createEnrichment(body)).toStrictEqual({ ok: false, problems });
  });

  it('ignores the body of an operation that declares none and accepts an omitted optional body', () => {
    const input = {
      params: {},
      query: new URLSearchParams(),
      headers: new Headers(),
      body: { any: 'thing' },
    };
    expect(validator.validate(operation('deleteEnrichments'), input)).toMatchObject({
      ok: true,
      value: { body: undefined },
    });
    expect(validator.validate(operation('replaceEnrichment'), { ...input, body: undefined })).toMatchObject({
      ok: true,
    });
  });

  it('keeps an own __proto__ key as plain data without touching any prototype', () => {
    const body = JSON.parse(
      '{"scope":{"type":"list","listId":"l"},"fields":["email"],"options":{"__proto__":{"polluted":true}}}',
    );
    const result = createEnrichment(body);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const options = (result.value.body as { options: object }).options;
    expect(Object.keys(options)).toStrictEqual(['__proto__', 'retries']);
    expect(Object.getPrototypeOf(options)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('createRequestValidator: alternatives', () => {
  it.each([
    {
      name: 'the problems of the branch the discriminator selects',
      scope: { type: 'leads', leadIds: [1] },
      want: [['scope.leadIds[0]', 'scope.leadIds[0] must be string']],
    },
    {
      name: 'a missing field of the selected branch',
      scope: { type: 'list' },
      want: [['scope.listId', 'scope.listId is required']],
    },
    {
      name: 'an unknown field of the selected branch',
      scope: { type: 'leads', leadIds: ['a'], listId: 'l' },
      want: [['scope.listId', 'unknown field: scope.listId']],
    },
    {
      name: 'a discriminator value no branch declares',
      scope: { type: 'segment' },
      want: [['scope.type', 'scope.type must be one of: leads, list, filter']],
    },
    {
      name: 'a missing discriminator',
      scope: { leadIds: ['a'] },
      want: [['scope.type', 'scope.type is required (one of: leads, list, filter)']],
    },
    {
      name: 'a value that is no object at all',
      scope: 'everything',
      want: [['scope', 'scope must be object']],
    },
  ])('reports $name', ({ scope, want }) => {
    const problems = want.map(([path, message]) => ({ location: 'body', path, message }));
    expect(createEnrichment({ ...validBody, scope })).toStrictEqual({ ok: false, problems });
  });

  it.each([
    {
      name: 'infers a const-pinned discriminator and reports the selected branch',
      extra: { trigger: { kind: 'scheduled', at: 'tomorrow' } },
      want: [['trigger.at', 'trigger.at must be a valid date-time']],
    },
    {
      name: 'reports an unknown value of an inferred discriminator',
      extra: { trigger: { kind: 'weekly' } },
      want: [['trigger.kind', 'trigger.kind must be one of: scheduled, manual']],
    },
    {
      name: 'merges type mismatches of every branch into one problem',
      extra: { priority: true },
      want: [['priority', 'priority must be integer or string']],
    },
    {
      name: 'lists the values of an enum branch whose type fits',
      extra: { priority: 'urgent' },
      want: [['priority', 'priority must be integer or "high" or "low"']],
    },
    {
      name: 'summarises each branch when several fit the type',
      extra: { contact: {} },
      want: [
        [
          'contact',
          'contact does not match any of its 2 alternatives: (#1) contact.email is required; (#2) contact.phone is required',
        ],
      ],
    },
    {
      name: 'reports a value that matches more than one branch of a oneOf',
      extra: { contact: { email: 'a@example.com', phone: '+1 555' } },
      want: [
        ['contact', 'contact matches alternatives #1 and #2 of a oneOf but must match exactly one of them'],
      ],
    },
    {
      name: 'merges type mismatches of an anyOf',
      extra: { tags: 5 },
      want: [['tags', 'tags must be string or array']],
    },
    {
      name: 'reports the anyOf branch whose type fits',
      extra: { tags: ['a', 1] },
      want: [['tags[1]', 'tags[1] must be string']],
    },
    {
      name: 'condenses alternatives nested inside a selected branch',
      extra: { scope: { type: 'list', listId: 'l', refresh: { kind: 'scheduled', at: 'soon' } } },
      want: [['scope.refresh.at', 'scope.refresh.at must be a valid date-time']],
    },
    {
      name: 'reports the only branch whose type fits',
      extra: { owner: { email: 'nope' } },
      want: [['owner.email', 'owner.email must be a valid email']],
    },
    {
      name: 'accepts the null alternative',
      extra: { owner: null, priority: 'high' },
      want: [],
    },
  ])('$name', ({ extra, want }) => {
    const result = createEnrichment({ ...validBody, ...extra });
    const problems = want.map(([path, message]) => ({ location: 'body', path, message }));
    expect(result.ok ? [] : result.problems).toStrictEqual(problems);
  });
});
