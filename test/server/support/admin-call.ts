import { expect } from 'vitest';
import adminDocument from '../../../src/generated/admin.document.js';
import { createOperationIndex } from '../../../src/openapi/operation-index.js';
import { createResponseValidator } from '../../../src/openapi/response-validator.js';
import type { CallOptions } from '../../support/json-call.js';
import type { TestServer } from './in-process-server.js';

const index = createOperationIndex(adminDocument);
const responses = createResponseValidator(adminDocument);

/**
 * Calls the control API and checks a JSON answer against openapi/admin.yaml, and every answer's
 * X-Request-Id; `routed` also asserts that the document routes the path.
 *
 * @example
 * const { json } = await checkedAdminCall(server, 'GET', '/__admin/report', {}, { routed: true });
 */
export async function checkedAdminCall(
  server: TestServer,
  method: string,
  path: string,
  init: CallOptions = {},
  check: { routed?: boolean } = {},
) {
  const response = await server.call(method, path, init);
  const match = index.match(method, new URL(path, 'http://mock').pathname);
  if (check.routed) expect(match.kind).toBe('found');
  if (match.kind === 'found' && response.headers.get('content-type')?.startsWith('application/json')) {
    expect(
      responses.validate(match.operation, response.status, response.headers, response.json),
      `${method} ${path} -> ${response.status} ${response.text}`,
    ).toEqual([]);
  }
  expect(response.headers.get('x-request-id')).toMatch(/\S/);
  return response;
}
