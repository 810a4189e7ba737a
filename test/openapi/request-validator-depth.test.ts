import { describe, expect, it } from 'vitest';
import { createOperationIndex } from '../../src/openapi/operation-index.js';
import { createRequestValidator } from '../../src/openapi/request-validator.js';

const document = {
  openapi: '3.1.0',
  info: { title: 'request validator depth fixture', version: '1' },
  paths: {
    '/things': {
      post: {
        operationId: 'createThing',
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { '201': { description: 'created' } },
      },
    },
  },
};

/** `{"a":{"a":...}}` built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

describe('request validator: deeply nested bodies', () => {
  const index = createOperationIndex(document);
  const operation = index.find('createThing');
  const validator = createRequestValidator(document);
  const input = (body: unknown) => ({
    params: {},
    query: new URLSearchParams(),
    headers: new Headers(),
    body,
  });

  it('reports a body nested deeper than the stack allows as a problem instead of throwing', () => {
    if (!operation) throw new Error('fixture has no createThing');
    expect(validator.validate(operation, input(nested(200_000)))).toEqual({
      ok: false,
      problems: [{ location: 'body', path: '', message: 'request body nests too deeply to validate' }],
    });
  });

  it('still validates a body 512 levels deep', () => {
    if (!operation) throw new Error('fixture has no createThing');
    const body = nested(512);
    expect(validator.validate(operation, input(body))).toMatchObject({ ok: true, value: { body } });
  });
});
