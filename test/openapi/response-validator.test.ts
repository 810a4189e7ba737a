import { describe, expect, it } from 'vitest';
import { createOperationIndex } from '../../src/openapi/operation-index.js';
import type { Operation } from '../../src/openapi/operation.js';
import { createResponseValidator } from '../../src/openapi/response-validator.js';

const error = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

const document = {
  openapi: '3.1.0',
  info: { title: 'response validator fixture', version: '1' },
  paths: {
    '/runs/{runId}': {
      get: {
        operationId: 'getRun',
        responses: {
          '200': {
            description: 'the run',
            headers: {
              'X-Request-Id': { required: true, schema: { type: 'string' } },
              'X-RateLimit-Remaining': { schema: { type: 'integer' } },
              'Content-Type': { required: true, schema: { type: 'string' } },
            },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Run' } } },
          },
          '404': { description: 'no such run', ...error },
        },
      },
      delete: {
        operationId: 'deleteRun',
        responses: { '204': { description: 'deleted' }, '4XX': { description: 'client error', ...error } },
      },
    },
    '/runs': {
      get: {
        operationId: 'listRuns',
        responses: {
          '200': {
            description: 'runs',
            content: {
              'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Run' } } },
            },
          },
          default: { description: 'any error', ...error },
        },
      },
    },
  },
  components: {
    schemas: {
      Run: {
        type: 'object',
        required: ['id', 'status', 'progress'],
        properties: {
          id: { type: 'string' },
          status: { type: 'string', enum: ['queued', 'running', 'completed'], default: 'queued' },
          progress: {
            type: 'object',
            additionalProperties: false,
            required: ['done', 'total'],
            properties: { done: { type: 'integer' }, total: { type: 'integer' } },
          },
        },
      },
      Error: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const index = createOperationIndex(document);
const responses = createResponseValidator(document);

function operation(id: string): Operation {
  const found = index.find(id);
  if (found === undefined) throw new Error(`fixture has no operation ${id}`);
  return found;
}

const run = { id: 'run_1', status: 'running', progress: { done: 1, total: 4 } };
const runHeaders = { 'x-request-id': 'req_1' };

describe('createResponseValidator', () => {
  it.each([
    {
      name: 'a conforming body with unknown extra fields',
      id: 'getRun',
      status: 200,
      headers: runHeaders,
      body: { ...run, extra: true },
    },
    {
      name: 'a declared error status',
      id: 'getRun',
      status: 404,
      headers: {},
      body: { code: 'not_found', message: 'No run.' },
    },
    { name: 'an empty 204', id: 'deleteRun', status: 204, headers: {}, body: undefined },
    {
      name: 'a status covered by a range',
      id: 'deleteRun',
      status: 429,
      headers: {},
      body: { code: 'rate_limited', message: 'Slow down.' },
    },
    {
      name: 'a status covered by default',
      id: 'listRuns',
      status: 503,
      headers: {},
      body: { code: 'down', message: 'Try later.' },
    },
    {
      name: 'a declared integer header',
      id: 'getRun',
      status: 200,
      headers: { ...runHeaders, 'x-ratelimit-remaining': '9' },
      body: run,
    },
  ])('accepts $name', ({ id, status, headers, body }) => {
    expect(responses.validate(operation(id), status, new Headers(headers), body)).toStrictEqual([]);
  });

  it.each([
    {
      name: 'a missing required field, even one with a default',
      id: 'getRun',
      status: 200,
      headers: runHeaders,
      body: { id: 'run_1', progress: { done: 1, total: 4 } },
      want: [{ location: 'body', path: 'status', message: 'status is required' }],
    },
    {
      name: 'a field of the wrong type',
      id: 'getRun',
      status: 200,
      headers: runHeaders,
      body: { ...run, progress: { done: '1', total: 4 } },
      want: [{ location: 'body', path: 'progress.done', message: 'progress.done must be integer' }],
    },
    {
      name: 'a wrong field inside an array',
      id: 'listRuns',
      status: 200,
      headers: {},
      body: [run, { ...run, status: 'lost' }],
      want: [
        {
          location: 'body',
          path: '[1].status',
          message: '[1].status must be one of: queued, running, completed',
        },
      ],
    },
    {
      name: 'an undocumented field where none are allowed',
      id: 'getRun',
      status: 200,
      headers: runHeaders,
      body: { ...run, progress: { done: 1, total: 4, eta: 3 } },
      want: [{ location: 'body', path: 'progress.eta', message: 'unknown field: progress.eta' }],
    },
    {
      name: 'an undeclared status',
      id: 'getRun',
      status: 500,
      headers: {},
      body: { code: 'boom', message: 'Boom.' },
      want: [
        {
          location: 'status',
          path: '',
          message:
            'status 500 is not declared for getRun (GET /runs/{runId}); declared: 200, 404. ' +
            'Return a declared status or add it to the document.',
        },
      ],
    },
    {
      name: 'a missing required header',
      id: 'getRun',
      status: 200,
      headers: {},
      body: run,
      want: [{ location: 'header', path: 'X-Request-Id', message: 'X-Request-Id is required' }],
    },
    {
      name: 'a header of the wrong type',
      id: 'getRun',
      status: 200,
      headers: { ...runHeaders, 'x-ratelimit-remaining': 'many' },
      body: run,
      want: [
        {
          location: 'header',
          path: 'X-RateLimit-Remaining',
          message: 'X-RateLimit-Remaining must be integer',
        },
      ],
    },
    {
      name: 'a body on a response that declares no content',
      id: 'deleteRun',
      status: 204,
      headers: {},
      body: { deleted: true },
      want: [
        {
          location: 'body',
          path: '',
          message:
            'response body must be empty: status 204 of deleteRun (DELETE /runs/{runId}) declares no content',
        },
      ],
    },
    {
      name: 'a missing body on a response that declares JSON content',
      id: 'getRun',
      status: 200,
      headers: runHeaders,
      body: undefined,
      want: [
        {
          location: 'body',
          path: '',
          message:
            'response body is required: status 200 of getRun (GET /runs/{runId}) declares application/json content',
        },
      ],
    },
    {
      name: 'a body that is not an object',
      id: 'getRun',
      status: 404,
      headers: {},
      body: 'Not Found',
      want: [{ location: 'body', path: '', message: 'response body must be object' }],
    },
  ])('reports $name', ({ id, status, headers, body, want }) => {
    expect(responses.validate(operation(id), status, new Headers(headers), body)).toStrictEqual(want);
  });

  it('never changes the body it checks', () => {
    const body = { id: 'run_1', progress: { done: 1, total: 4 } };
    responses.validate(operation('getRun'), 200, new Headers(runHeaders), body);
    expect(body).toStrictEqual({ id: 'run_1', progress: { done: 1, total: 4 } });
  });
});
