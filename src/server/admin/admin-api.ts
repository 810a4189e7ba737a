import adminDocument from '../../generated/admin.document.js';
import type { PlainRequest } from '../../http/plain-request.js';
import { readJsonBody, type ReadJsonBodyErrorCode } from '../../http/read-json-body.js';
import { operationIndexOf } from '../../openapi/operation-index.js';
import { createRequestValidator } from '../../openapi/request-validator.js';
import type { AdminContext, AdminInput } from './admin-context.js';
import type { Reply } from '../../http/answer.js';
import { adminError, type AdminErrorCode } from './admin-error.js';
import { createClockNextChangeOperations } from './clock-next-change-operations.js';
import { createClockOperations } from './clock-operations.js';
import { createDashboardOperations } from './dashboard-operations.js';
import { refuseUnknownQuery, whatToSend } from './request-hints.js';
import { createJournalOperations } from './journal-operations.js';
import { createReportOperations } from './report-operations.js';
import { createRunOperations } from './run-operations.js';
import { createRunTimelineOperations } from './run-timeline-operations.js';
import { createScenarioOperations } from './scenario-operations.js';
import { createTenantOperations } from './tenant-operations.js';

/** The control API's code for each reason a body cannot be read. */
const BODY_FAILURES: Record<ReadJsonBodyErrorCode, AdminErrorCode> = {
  invalid_json: 'VALIDATION_ERROR',
  invalid_encoding: 'VALIDATION_ERROR',
  unsupported_media_type: 'UNSUPPORTED_MEDIA_TYPE',
  payload_too_large: 'PAYLOAD_TOO_LARGE',
};

/**
 * The control API under `/__admin`, as a function from a plain request (the one the vendor pipeline
 * takes) to a result, so the standalone server and `replay` run the same code. Requests are routed and validated against `openapi/admin.yaml`;
 * every failure is an `AdminError`: a query parameter the operation does not declare is refused, and a bad
 * body is answered with what to send. Authentication is the server's business (see `checkAdminToken`).
 *
 * @example
 * const admin = createAdminApi(context);
 * const url = new URL('http://mock/__admin/clock');
 * const { status, body } = await admin.handle({ method: 'GET', url, headers: new Headers(), body: null });
 */
export function createAdminApi(context: AdminContext) {
  const index = operationIndexOf(adminDocument);
  const validator = createRequestValidator(adminDocument);
  const operations: Record<string, (input: AdminInput) => Reply | Promise<Reply>> = {
    ...createClockOperations(context),
    ...createClockNextChangeOperations(context),
    ...createScenarioOperations(context),
    ...createRunOperations(context),
    ...createRunTimelineOperations(context),
    ...createTenantOperations(context),
    ...createJournalOperations(context),
    ...createReportOperations(context),
    ...createDashboardOperations(),
  };

  return {
    /** The operationId a request routes to, or null (for the journal and the request log). */
    operationOf(method: string, pathname: string): string | null {
      const match = index.match(method, pathname);
      return match.kind === 'found' ? match.operation.id : null;
    },
    async handle(request: PlainRequest): Promise<Reply> {
      const { url } = request;
      const match = index.match(request.method, url.pathname);
      if (match.kind === 'not_found') {
        return adminError(
          'NOT_FOUND',
          `No control API route for ${request.method} ${url.pathname}. The routes are listed in openapi/admin.yaml.`,
        );
      }
      if (match.kind === 'method_not_allowed') {
        const allowed = match.allowed.join(', ');
        return {
          ...adminError(
            'METHOD_NOT_ALLOWED',
            `${request.method} is not allowed on ${url.pathname}; allowed: ${allowed}.`,
          ),
          headers: { allow: allowed },
        };
      }
      const { operation } = match;
      const unknown = refuseUnknownQuery(operation, url.searchParams);
      if (unknown) return unknown;
      let body: unknown;
      if (operation.requestBody !== undefined) {
        const read = readJsonBody(request, { limitBytes: context.runtime.bodyLimitBytes });
        if (!read.ok) return adminError(BODY_FAILURES[read.code], read.message);
        body = read.body;
      }
      const checked = validator.validate(operation, {
        params: match.params,
        query: url.searchParams,
        headers: request.headers,
        body,
      });
      if (!checked.ok) {
        const details = checked.problems.map((problem) => ({
          path: problem.path === '' ? problem.location : problem.path,
          message: problem.message,
        }));
        const send = checked.problems.some((problem) => problem.location === 'body')
          ? ` ${whatToSend(operation)}`
          : '';
        return adminError(
          'VALIDATION_ERROR',
          `Invalid request: ${details.map((detail) => detail.message).join('; ')}.${send}`,
          details,
        );
      }
      const run = operations[operation.id];
      if (!run)
        throw new Error(
          `The control API has no handler for operation ${operation.id}: add it to createAdminApi.`,
        );
      return run({ params: checked.value.params, query: checked.value.query, body: checked.value.body });
    },
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
