import { VENDOR_PATHS } from '../vendors/vendor-descriptors.js';
import type { Reply } from '../http/answer.js';
import { adminError } from './admin/admin-error.js';

/**
 * Methods a fetch `Request` cannot carry: the server refuses them up front. Any other method (PROPFIND
 * included) is routed, so a vendor path answers it with the vendor's own 405 and the path's `Allow`.
 */
export const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** Methods the control API and the vendors serve somewhere. */
const SERVED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * The answer to a request no vendor and no control API route serves: 404 for an unknown path, 405 for a
 * method no route serves.
 *
 * @example
 * unrouted('GET', '/nope'); // { status: 404, body: { error: { code: 'NOT_FOUND', ... } } }
 */
export function unrouted(method: string, path: string): Reply {
  if (!SERVED_METHODS.includes(method)) {
    return {
      ...adminError('METHOD_NOT_ALLOWED', `${method} is not supported by enrichment-mock.`),
      headers: { allow: SERVED_METHODS.join(', ') },
    };
  }
  return adminError(
    'NOT_FOUND',
    `No route for ${method} ${path}: enrichment-mock serves ${VENDOR_PATHS} and its control API under /__admin.`,
  );
}
