import type { PipelineFailure, VendorError } from '../../adapter/vendor-definition.js';

/** The error tags the Exa adapter answers with (the `tag` of an `ExaError`). */
export const EXA_TAGS = {
  invalidBody: 'INVALID_REQUEST_BODY',
  invalidParams: 'INVALID_REQUEST_PARAMS',
  invalidApiKey: 'INVALID_API_KEY',
  noMoreCredits: 'NO_MORE_CREDITS',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  methodNotAllowed: 'METHOD_NOT_ALLOWED',
  conflict: 'CONFLICT',
  notCancellable: 'ENRICHMENT_NOT_CANCELLABLE',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  unsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  unprocessable: 'UNPROCESSABLE_ENTITY',
  rateLimited: 'RATE_LIMITED',
  internal: 'INTERNAL_ERROR',
  badGateway: 'BAD_GATEWAY',
  unavailable: 'SERVICE_UNAVAILABLE',
} as const;

/** Status and tag for every failure the shared pipeline finds before an Exa operation runs. */
export const EXA_FAILURES: Record<PipelineFailure, { status: number; code: string }> = {
  validation: { status: 400, code: EXA_TAGS.invalidBody },
  invalid_json: { status: 400, code: EXA_TAGS.invalidBody },
  invalid_encoding: { status: 400, code: EXA_TAGS.invalidBody },
  unsupported_media_type: { status: 415, code: EXA_TAGS.unsupportedMediaType },
  payload_too_large: { status: 413, code: EXA_TAGS.payloadTooLarge },
  not_found: { status: 404, code: EXA_TAGS.notFound },
  method_not_allowed: { status: 405, code: EXA_TAGS.methodNotAllowed },
  unauthorized: { status: 401, code: EXA_TAGS.invalidApiKey },
  unknown_scenario: { status: 400, code: EXA_TAGS.invalidParams },
};

const TAG_BY_STATUS: Record<number, string> = {
  400: EXA_TAGS.invalidBody,
  401: EXA_TAGS.invalidApiKey,
  402: EXA_TAGS.noMoreCredits,
  403: EXA_TAGS.forbidden,
  404: EXA_TAGS.notFound,
  409: EXA_TAGS.conflict,
  413: EXA_TAGS.payloadTooLarge,
  415: EXA_TAGS.unsupportedMediaType,
  422: EXA_TAGS.unprocessable,
  429: EXA_TAGS.rateLimited,
  500: EXA_TAGS.internal,
  502: EXA_TAGS.badGateway,
  503: EXA_TAGS.unavailable,
};

/**
 * The tag of an injected status fault that names none: Exa's documented tag for the status, else
 * `INTERNAL_ERROR` for a 5xx and `INVALID_REQUEST_BODY` for a 4xx.
 *
 * @example
 * exaTagForStatus(429); // 'RATE_LIMITED'
 */
export function exaTagForStatus(status: number): string {
  return TAG_BY_STATUS[status] ?? (status >= 500 ? EXA_TAGS.internal : EXA_TAGS.invalidBody);
}

/**
 * The Exa error body `{requestId, error, tag}`. A validation failure whose problems all lie in path or
 * query parameters is re-tagged `INVALID_REQUEST_PARAMS`, as Exa tells body and parameter errors apart.
 *
 * @example
 * exaErrorBody({ status: 404, code: 'NOT_FOUND', message: 'Webset w_1 not found', requestId: 'req_1' });
 * // { requestId: 'req_1', error: 'Webset w_1 not found', tag: 'NOT_FOUND' }
 */
export function exaErrorBody(error: VendorError): { requestId: string; error: string; tag: string } {
  const inParams =
    error.code === EXA_TAGS.invalidBody &&
    error.details !== undefined &&
    error.details.length > 0 &&
    error.details.every((detail) => detail.location !== undefined && detail.location !== 'body');
  return {
    requestId: error.requestId,
    error: error.message,
    tag: inParams ? EXA_TAGS.invalidParams : error.code,
  };
}
