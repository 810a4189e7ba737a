import type { PipelineFailure, VendorError } from '../../adapter/vendor-definition.js';
import type { components } from '../../generated/puffle.types.js';

type PuffleError = components['schemas']['PuffleError'];
type PuffleErrorDetail = components['schemas']['PuffleErrorDetail'];

/** Codes of the failures the shared pipeline finds before an operation runs. */
export const PUFFLE_FAILURES: Record<PipelineFailure, { status: number; code: string }> = {
  validation: { status: 400, code: 'VALIDATION_ERROR' },
  invalid_json: { status: 400, code: 'INVALID_JSON' },
  invalid_encoding: { status: 400, code: 'INVALID_JSON' },
  unsupported_media_type: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  payload_too_large: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  not_found: { status: 404, code: 'not_found' },
  method_not_allowed: { status: 405, code: 'method_not_allowed' },
  unauthorized: { status: 401, code: 'unauthorized' },
  unknown_scenario: { status: 400, code: 'UNKNOWN_SCENARIO' },
};

const CODES_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'VALIDATION_ERROR',
  401: 'unauthorized',
  402: 'INSUFFICIENT_CREDITS',
  403: 'forbidden',
  404: 'not_found',
  409: 'CANCEL_CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'IDEMPOTENCY_KEY_REUSED',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  502: 'DISPATCH_FAILED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * The Puffle code for an injected status fault that names none: the documented code of that status, else
 * `INTERNAL_ERROR` for a 5xx and `ERROR` for anything else.
 *
 * @example
 * puffleCodeForStatus(429); // 'RATE_LIMITED'
 */
export function puffleCodeForStatus(status: number): string {
  return CODES_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'ERROR');
}

/**
 * Rewrites a field path into Puffle's dot-separated form, array indices as numbers.
 *
 * @example
 * toPufflePath('scope.leadIds[0]'); // 'scope.leadIds.0'
 * toPufflePath('input["odd key"]'); // 'input.odd key'
 */
export function toPufflePath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\[("(?:[^"\\]|\\.)*")\]/g, (_, quoted: string) => `.${String(JSON.parse(quoted))}`)
    .replace(/^\./, '');
}

/** Field problems as Puffle error details: paths (and the paths quoted in messages) in Puffle's form. */
export function toPuffleDetails(problems: readonly { path: string; message: string }[]): PuffleErrorDetail[] {
  return problems.map((problem) => ({
    path: toPufflePath(problem.path),
    message: toPufflePath(problem.message),
  }));
}

/**
 * The body of every Puffle error: `{error, code}`, plus the fields that go with the code (`reason`,
 * `required`, `balance`, `details`, `enrichmentRunId`, `runId`). The request id travels in `X-Request-Id`.
 * With field problems, the paths in `details` and in the message are written Puffle's way.
 *
 * @example
 * toPuffleError({ status: 404, code: 'not_found', message: 'Enrichment run x not found', requestId: 'req_1' });
 * // { error: 'Enrichment run x not found', code: 'not_found' }
 */
export function toPuffleError(error: VendorError): PuffleError {
  if (!error.details) return { error: error.message, code: error.code, ...error.extra };
  return {
    error: toPufflePath(error.message),
    code: error.code,
    ...error.extra,
    details: toPuffleDetails(error.details),
  };
}
