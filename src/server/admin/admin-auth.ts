import { createHash, timingSafeEqual } from 'node:crypto';
import { adminError, type AdminResult } from './admin-error.js';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Checks `Authorization: Bearer <token>` against the server's admin token in constant time; undefined
 * when the request may pass (always, when the server has no token).
 *
 * @example
 * const refused = checkAdminToken(req.headers.authorization, options.adminToken);
 * if (refused) return send(refused);
 */
export function checkAdminToken(
  authorization: string | undefined,
  token: string | undefined,
): AdminResult | undefined {
  if (token === undefined) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (match?.[1] !== undefined && timingSafeEqual(digest(match[1].trim()), digest(token))) return undefined;
  const why =
    authorization === undefined ? 'the Authorization header is missing' : 'the bearer token is wrong';
  return adminError(
    'UNAUTHORIZED',
    `Admin API requires a bearer token: ${why}. Send Authorization: Bearer <the --admin-token the server was started with>.`,
  );
}
