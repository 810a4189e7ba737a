import { createHash, timingSafeEqual } from 'node:crypto';
import adminDocument from '../../generated/admin.document.js';
import { appendPointer } from '../../openapi/document-resolver.js';
import type { Operation } from '../../openapi/operation.js';
import { operationIndexOf } from '../../openapi/operation-index.js';
import type { Reply } from '../../http/answer.js';
import { adminResolver } from './admin-document.js';
import { adminError } from './admin-error.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** The operations `openapi/admin.yaml` declares with `security: []`: they answer without the token. */
const OPEN_OPERATIONS: ReadonlySet<string> = (() => {
  const isOpen = ({ path, method }: Operation) => {
    const security = adminResolver.at(appendPointer('/paths', path, method.toLowerCase(), 'security'));
    return Array.isArray(security) && security.length === 0;
  };
  return new Set(
    operationIndexOf(adminDocument)
      .operations.filter(isOpen)
      .map(({ id }) => id),
  );
})();

/**
 * Checks `Authorization: Bearer <token>` against the server's admin token in constant time; undefined
 * when the request may pass: always when the server has no token, and for the operations admin.yaml
 * declares open (`GET /__admin/health`, so readiness probes need no secret).
 *
 * @example
 * const refused = checkAdminToken(req.headers.authorization, options.adminToken, 'adminGetClock');
 * if (refused) return send(refused);
 */
export function checkAdminToken(
  authorization: string | undefined,
  token: string | undefined,
  operation: string | null,
): Reply | undefined {
  if (token === undefined || (operation !== null && OPEN_OPERATIONS.has(operation))) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (match?.[1] !== undefined && timingSafeEqual(digest(match[1].trim()), digest(token))) return undefined;
  const why =
    authorization === undefined ? 'the Authorization header is missing' : 'the bearer token is wrong';
  return adminError(
    'UNAUTHORIZED',
    `Admin API requires a bearer token: ${why}. Send Authorization: Bearer <the --admin-token the server was started with>.`,
  );
}
