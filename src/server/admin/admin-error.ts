import type { components } from '../../generated/admin.types.js';
import type { Reply } from '../../http/answer.js';

export type AdminErrorBody = components['schemas']['AdminError'];

/** The codes of the control API's errors, by HTTP status. */
export type AdminErrorCode =
  | 'VALIDATION_ERROR'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL_ERROR';

const STATUS: Record<AdminErrorCode, number> = {
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL_ERROR: 500,
};

/**
 * An error in the control API's shape, `{error: {code, message, details?}}`, with its status.
 *
 * @example
 * adminError('CONFLICT', 'The clock is in real mode and cannot be advanced.');
 */
export function adminError(
  code: AdminErrorCode,
  message: string,
  details?: { path: string; message: string }[],
): Reply {
  const body: AdminErrorBody = {
    error: { code, message, ...(details && details.length > 0 ? { details } : {}) },
  };
  return { status: STATUS[code], body };
}
