import { describe, expect, it } from 'vitest';
import { createOperationIndex } from '../../src/openapi/operation-index.js';

const ok = { '200': { description: 'ok' } };

const document = {
  openapi: '3.1.0',
  info: { title: 'operation index fixture', version: '1' },
  paths: {
    '/api/enrichments': {
      post: {
        operationId: 'createEnrichment',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Create' } } },
        },
        responses: { '201': { $ref: '#/components/responses/Created' } },
      },
    },
    '/api/enrichment/{id}': {
      get: { operationId: 'getEnrichment', responses: ok },
      delete: { operationId: 'deleteEnrichment', responses: ok },
    },
    '/api/enrichment/active': { post: { operationId: 'activate', responses: ok } },
    '/api/enrichment/{id}/items': {
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'limit', in: 'query', schema: { type: 'integer' } },
      ],
      get: {
        operationId: 'listItems',
        parameters: [
          { $ref: '#/components/parameters/Limit' },
          { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
          { name: 'Authorization', in: 'header', required: true, schema: { type: 'string' } },
        ],
        responses: ok,
      },
    },
    '/api/enrichment/latest/items': { get: { operationId: 'listLatestItems', responses: ok } },
    '/files/{name}.{extension}': { get: { operationId: 'getFile', responses: ok } },
    '/only-parameters': { parameters: [] },
  },
  components: {
    parameters: {
      Limit: { name: 'limit', in: 'query', required: true, schema: { type: 'integer', maximum: 50 } },
    },
    responses: {
      Created: {
        description: 'created',
        headers: { Location: { required: true, schema: { type: 'string' } } },
        content: { 'application/json; charset=utf-8': { schema: { type: 'object' } } },
      },
    },
    schemas: { Create: { type: 'object' } },
  },
};

const index = createOperationIndex(document);

describe('createOperationIndex', () => {
  it('lists every operation in document order and finds them by operationId', () => {
    expect(
      index.operations.map((operation) => `${operation.method} ${operation.path} ${operation.id}`),
    ).toStrictEqual([
      'POST /api/enrichments createEnrichment',
      'GET /api/enrichment/{id} getEnrichment',
      'DELETE /api/enrichment/{id} deleteEnrichment',
      'POST /api/enrichment/active activate',
      'GET /api/enrichment/{id}/items listItems',
      'GET /api/enrichment/latest/items listLatestItems',
      'GET /files/{name}.{extension} getFile',
    ]);
    expect(index.find('listItems')?.path).toBe('/api/enrichment/{id}/items');
    expect(index.find('nope')).toBeUndefined();
  });

  it('merges path-level and operation-level parameters, the operation winning, with $refs resolved and Authorization ignored', () => {
    const parameters = index
      .find('listItems')
      ?.parameters.map(({ name, in: where, required, schema, pointer }) => ({
        name,
        in: where,
        required,
        schema,
        pointer,
      }));
    expect(parameters).toStrictEqual([
      {
        name: 'id',
        in: 'path',
        required: true,
        schema: { type: 'string' },
        pointer: '/paths/~1api~1enrichment~1{id}~1items/parameters/0/schema',
      },
      {
        name: 'limit',
        in: 'query',
        required: true,
        schema: { type: 'integer', maximum: 50 },
        pointer: '/components/parameters/Limit/schema',
      },
      {
        name: 'X-Trace',
        in: 'header',
        required: false,
        schema: { type: 'string' },
        pointer: '/paths/~1api~1enrichment~1{id}~1items/get/parameters/1/schema',
      },
    ]);
  });

  it('carries the JSON request body and the responses with their headers and content', () => {
    const operation = index.find('createEnrichment');
    expect(operation?.requestBody).toStrictEqual({
      required: true,
      mediaType: 'application/json',
      schema: { $ref: '#/components/schemas/Create' },
      pointer: '/paths/~1api~1enrichments/post/requestBody/content/application~1json/schema',
    });
    expect(operation?.responses['201']).toStrictEqual({
      status: '201',
      empty: false,
      headers: [
        {
          name: 'Location',
          in: 'header',
          required: true,
          explode: false,
          schema: { type: 'string' },
          pointer: '/components/responses/Created/headers/Location/schema',
        },
      ],
      body: {
        mediaType: 'application/json; charset=utf-8',
        schema: { type: 'object' },
        pointer: '/components/responses/Created/content/application~1json; charset=utf-8/schema',
      },
    });
    expect(index.find('getEnrichment')?.requestBody).toBeUndefined();
    expect(index.find('getEnrichment')?.responses['200']).toMatchObject({
      empty: true,
      body: undefined,
      headers: [],
    });
  });

  it.each([
    { method: 'POST', path: '/api/enrichments', want: { kind: 'found', id: 'createEnrichment', params: {} } },
    {
      method: 'get',
      path: '/api/enrichment/run_1',
      want: { kind: 'found', id: 'getEnrichment', params: { id: 'run_1' } },
    },
    {
      method: 'GET',
      path: '/api/enrichment/run%201%2F2',
      want: { kind: 'found', id: 'getEnrichment', params: { id: 'run 1/2' } },
    },
    {
      method: 'GET',
      path: '/api/enrichment/run_1/items',
      want: { kind: 'found', id: 'listItems', params: { id: 'run_1' } },
    },
    {
      method: 'GET',
      path: '/api/enrichment/latest/items',
      want: { kind: 'found', id: 'listLatestItems', params: {} },
    },
    { method: 'POST', path: '/api/enrichment/active', want: { kind: 'found', id: 'activate', params: {} } },
    {
      method: 'GET',
      path: '/files/report.csv',
      want: { kind: 'found', id: 'getFile', params: { name: 'report', extension: 'csv' } },
    },
    { method: 'GET', path: '/api/enrichments', want: { kind: 'method_not_allowed', allowed: ['POST'] } },
    {
      method: 'PATCH',
      path: '/api/enrichment/run_1',
      want: { kind: 'method_not_allowed', allowed: ['GET', 'DELETE'] },
    },
    {
      method: 'GET',
      path: '/api/enrichment/active',
      want: { kind: 'method_not_allowed', allowed: ['POST'] },
    },
    { method: 'GET', path: '/api/enrichments/', want: { kind: 'not_found' } },
    { method: 'GET', path: '/api/enrichment//items', want: { kind: 'not_found' } },
    { method: 'GET', path: '/api/enrichment/%E0%A4%A/items', want: { kind: 'not_found' } },
    { method: 'GET', path: '/only-parameters', want: { kind: 'not_found' } },
    { method: 'GET', path: '/elsewhere', want: { kind: 'not_found' } },
  ])('matches $method $path', ({ method, path, want }) => {
    const result = index.match(method, path);
    const got =
      result.kind === 'found'
        ? { kind: result.kind, id: result.operation.id, params: result.params }
        : result;
    expect(got).toStrictEqual(want);
  });

  it.each([
    {
      name: 'an operation without operationId',
      paths: { '/a': { get: { responses: ok } } },
      error: 'Failed to index GET /a: it has no operationId. Give every operation a unique operationId.',
    },
    {
      name: 'a duplicate operationId',
      paths: {
        '/a': { get: { operationId: 'same', responses: ok } },
        '/b': { get: { operationId: 'same', responses: ok } },
      },
      error:
        'Failed to index GET /b: operationId "same" is already used by GET /a. operationIds must be unique within a document.',
    },
    {
      name: 'an external $ref',
      paths: {
        '/a': { get: { operationId: 'a', parameters: [{ $ref: 'common.yaml#/Limit' }], responses: ok } },
      },
      error: 'only local references',
    },
    {
      name: 'a $ref to nothing',
      paths: {
        '/a': {
          get: { operationId: 'a', parameters: [{ $ref: '#/components/parameters/Gone' }], responses: ok },
        },
      },
      error: 'nothing exists at /components/parameters/Gone',
    },
  ])('throws an actionable error for $name', ({ paths, error }) => {
    expect(() => createOperationIndex({ openapi: '3.1.0', paths })).toThrow(error);
  });
});
