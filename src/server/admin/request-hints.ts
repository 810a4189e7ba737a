import { appendPointer, isRecord } from '../../openapi/document-resolver.js';
import type { Operation } from '../../openapi/operation.js';
import type { Reply } from '../../http/answer.js';
import { adminResolver } from './admin-document.js';
import { adminError } from './admin-error.js';

/**
 * What to send to an operation, as `openapi/admin.yaml` words it in the request body's `description`
 * ("Send {...}"), for the end of a body's validation error; empty when the document says nothing.
 *
 * @example
 * whatToSend(index.find('adminUpdateTenant')!); // 'Send {"credits": <non-negative integer>}, ...'
 */
export function whatToSend(operation: Operation): string {
  const body = adminResolver.at(
    appendPointer('/paths', operation.path, operation.method.toLowerCase(), 'requestBody'),
  );
  return isRecord(body) && typeof body['description'] === 'string' ? body['description'] : '';
}

/**
 * The 400 for query parameters the operation does not declare, naming the ones it does: a filter the
 * control API does not know is refused rather than silently ignored. Undefined when every name is known.
 *
 * @example
 * refuseUnknownQuery(runsOperation, new URLSearchParams('scope=x')); // 400 naming tenant, scenario, status...
 */
export function refuseUnknownQuery(operation: Operation, query: URLSearchParams): Reply | undefined {
  const known = operation.parameters.filter((parameter) => parameter.in === 'query').map(({ name }) => name);
  const unknown = [...new Set(query.keys())].filter((name) => !known.includes(name));
  if (unknown.length === 0) return undefined;
  const names = unknown.map((name) => JSON.stringify(name)).join(', ');
  const takes =
    known.length === 0 ? 'It takes no query parameters.' : `Its query parameters are ${known.join(', ')}.`;
  return adminError(
    'VALIDATION_ERROR',
    `Invalid request: ${operation.method} ${operation.path} has no query parameter${unknown.length > 1 ? 's' : ''} ${names}. ${takes}`,
    unknown.map((name) => ({ path: name, message: 'unknown query parameter' })),
  );
}
