import { adminError, type AdminResult } from './admin/admin-error.js';

/** Methods a fetch `Request` can carry; the server refuses anything else (TRACE, CONNECT, ...) up front. */
export const SUPPORTED_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);

/**
 * The answer to a request no vendor and no control API route serves: 404 for an unknown path, 405 for a
 * method the server does not support at all.
 *
 * @example
 * unrouted('GET', '/nope'); // { status: 404, body: { error: { code: 'NOT_FOUND', ... } } }
 */
export function unrouted(method: string, path: string): AdminResult {
  if (!SUPPORTED_METHODS.has(method)) {
    return {
      ...adminError('METHOD_NOT_ALLOWED', `${method} is not supported by enrichment-mock.`),
      headers: { allow: [...SUPPORTED_METHODS].join(', ') },
    };
  }
  return adminError(
    'NOT_FOUND',
    `No route for ${method} ${path}: enrichment-mock serves Puffle under /api, Sendkit under /v1, Exa Websets under /websets/v0 and its control API under /__admin.`,
  );
}
