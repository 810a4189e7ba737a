import type { PipelineFailure, VendorError } from '../../adapter/vendor-definition.js';

/** Sendkit's error code for each HTTP status it documents (the `SendkitError` schema's list). */
const CODES: Readonly<Record<number, string>> = {
  400: 'VALIDATION_ERROR',
  401: 'UNAUTHORIZED',
  402: 'INSUFFICIENT_CREDITS',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

/** The code of an injected status fault that names none: the documented one, else a generic one. */
export function sendkitCodeForStatus(status: number): string {
  return CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_ERROR');
}

const failure = (status: number, code = sendkitCodeForStatus(status)) => ({ status, code });

/** Status and code of the failures the shared pipeline finds before an operation runs. */
export const SENDKIT_FAILURES: Record<PipelineFailure, { status: number; code: string }> = {
  validation: failure(400),
  invalid_json: failure(400, 'INVALID_JSON'),
  invalid_encoding: failure(400, 'INVALID_JSON'),
  unsupported_media_type: failure(415),
  payload_too_large: failure(413),
  not_found: failure(404),
  method_not_allowed: failure(405),
  unauthorized: failure(401),
  unknown_scenario: failure(400),
};

/** Sendkit's error envelope: `{ success: false, error: { code, message } }`, for every error. */
export function sendkitErrorBody(error: VendorError): unknown {
  return { success: false, error: { code: error.code, message: error.message } };
}
