import { expect } from 'vitest';
import adminDocument from '../../../src/generated/admin.document.js';
import { createOperationIndex } from '../../../src/openapi/operation-index.js';
import { createResponseValidator } from '../../../src/openapi/response-validator.js';
import type { TestServer } from './in-process-server.js';

const index = createOperationIndex(adminDocument);
const responses = createResponseValidator(adminDocument);

/** Calls the control API and checks the answer against openapi/admin.yaml (and its X-Request-Id). */
export async function checkedAdminCall(
  server: TestServer,
  method: string,
  path: string,
  init: Parameters<TestServer['call']>[2] = {},
) {
  const response = await server.call(method, path, init);
  const match = index.match(method, new URL(path, 'http://mock').pathname);
  if (match.kind === 'found') {
    expect(
      responses.validate(match.operation, response.status, response.headers, response.json),
      `${method} ${path} -> ${response.status} ${response.text}`,
    ).toEqual([]);
  }
  expect(response.headers.get('x-request-id')).toMatch(/\S/);
  return response;
}
