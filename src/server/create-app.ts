import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { faultedAnswer } from '../adapter/transport-fault.js';
import type { VendorPipeline } from '../adapter/vendor-pipeline.js';
import { resultAnswer, type Answer } from '../http/answer.js';
import type { Runtime } from '../runtime/mock-runtime.js';
import type { JournalFacts } from '../runtime/record-exchange.js';
import type { Vendor } from '../scenario/types.js';
import type { AdminApi } from './admin/admin-api.js';
import { checkAdminToken } from './admin/admin-auth.js';
import { adminError } from './admin/admin-error.js';
import { deliver, type DeliveryState } from './deliver.js';
import { closeExchange, openExchange, type Exchange, type Outcome } from './exchange.js';
import type { Logger } from './logger.js';
import { mountOf } from './mount-of.js';
import {
  DASHBOARD_POLL_HEADER,
  isDashboardPoll,
  isDashboardTarget,
  serveDashboard,
} from './serve-dashboard.js';
import { FORBIDDEN_METHODS, unrouted } from './unrouted.js';
import type { UserHandlers } from './user-handlers.js';

const INTERNAL_ERROR_MESSAGE =
  'Internal server error: the mock failed to answer this request. The server log has the details.';

/** One vendor as the server mounts it: its base path and its pipeline. */
export interface MountedVendor {
  vendor: Vendor;
  basePath: string;
  answer: VendorPipeline;
}

export interface AppOptions {
  runtime: Runtime;
  admin: AdminApi;
  vendors: MountedVendor[];
  /** The user's own msw handlers (`serve --handlers`), tried before the vendors. */
  userHandlers?: UserHandlers;
  /** When set, the control API requires `Authorization: Bearer <adminToken>`. */
  adminToken: string | undefined;
  logger: Logger;
  delivery: DeliveryState;
}

/**
 * The server's adapter over the vendor pipeline, as a node request listener: each request's body is read
 * once (`openExchange`), then it goes to the control API (`/__admin`), to the user's msw handlers, to a
 * vendor's pipeline (`/api`, `/v1`, `/websets/v0`) or to a JSON 404; the latency the pipeline asks for is
 * waited out, the exchange journalled and logged, and the answer put on the wire, transport faults
 * included. Only the dashboard's files (`/__admin/ui`) go through express (its static file server); a
 * path there that is no file falls through to the same path as every other request.
 *
 * @example
 * const listener = createApp({ runtime, admin, vendors, adminToken: undefined, logger, delivery });
 * http.createServer(listener).listen(4010);
 */
export function createApp(options: AppOptions): RequestListener {
  const { runtime, admin, logger, userHandlers } = options;

  /**
   * An outcome answered by the server itself (control API, user handlers, 404): no edge effects, at the
   * instant the request arrived (`at`, read before a control API call moves the clock).
   */
  const served = (
    vendor: JournalFacts['vendor'],
    answer: Answer,
    operation: string | null = null,
    at = runtime.clock.now(),
  ): Outcome => ({
    answer,
    edge: { latencyMs: 0 },
    facts: { vendor, scenario: runtime.active.name, tenant: null, operation },
    at,
  });
  const unmatched = ({ request, requestId }: Exchange): Outcome =>
    served('unknown', resultAnswer(unrouted(request.method, request.url.pathname), requestId));

  const answerAdmin = async ({ request, headers, requestId }: Exchange): Promise<Outcome> => {
    const at = runtime.clock.now();
    const operation = admin.operationOf(request.method, request.url.pathname);
    const result =
      checkAdminToken(headers['authorization'], options.adminToken, operation) ??
      (await admin.handle(request));
    return served('admin', resultAnswer(result, requestId), operation, at);
  };

  const mounts = [{ basePath: '/__admin', vendor: 'admin' as const }, ...options.vendors];

  /** The route of a request, by its path as sent: refused methods, control API, user handlers, a vendor, 404. */
  const route = async (target: string, exchange: Exchange): Promise<Outcome> => {
    if (FORBIDDEN_METHODS.has(exchange.request.method)) return unmatched(exchange);
    const mount = mountOf(target, mounts);
    if (mount?.vendor === 'admin') return answerAdmin(exchange);
    const user = userHandlers && (await userHandlers(exchange));
    if (user) return served(mount?.vendor ?? 'unknown', user);
    // A vendor serves the paths under its base path, not the base path itself (`/api` is the JSON 404).
    if (mount && 'answer' in mount && exchange.request.url.pathname !== mount.basePath)
      return mount.answer(exchange.request, exchange.requestId);
    return unmatched(exchange);
  };

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const exchange = await openExchange(request, runtime);
    if (logger.isLevelEnabled('debug'))
      logger.debug(
        {
          requestId: exchange.requestId,
          method: exchange.request.method,
          path: exchange.request.url.pathname,
        },
        'request received',
      );
    let outcome: Outcome;
    try {
      outcome = await route(request.url ?? '/', exchange);
    } catch (error) {
      // A failure inside a route becomes a journalled 500 rather than a dropped request.
      logger.error({ requestId: exchange.requestId, err: error }, 'request failed');
      const failed = adminError('INTERNAL_ERROR', INTERNAL_ERROR_MESSAGE);
      outcome = served('unknown', resultAnswer(failed, exchange.requestId));
    }
    const { latencyMs, fault } = outcome.edge;
    if (latencyMs > 0) await sleep(latencyMs);
    const sent = faultedAnswer(fault, outcome.answer);
    const { vendor } = outcome.facts;
    if (!isDashboardPoll(exchange.request.method, request.headers[DASHBOARD_POLL_HEADER], vendor))
      closeExchange(exchange, outcome, sent, runtime, logger);
    deliver(request, response, fault, sent, options.delivery);
  };

  /**
   * `answer`, with a failure outside the routes (journal, log, socket) logged and answered `500
   * INTERNAL_ERROR` (closing the connection), or the connection dropped when the answer had begun.
   */
  const listener: RequestListener = (request, response) => {
    answer(request, response).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed outside its route');
      if (response.headersSent) return void response.destroy();
      const { body } = adminError('INTERNAL_ERROR', INTERNAL_ERROR_MESSAGE);
      response
        .writeHead(500, { 'content-type': 'application/json', connection: 'close' })
        .end(JSON.stringify(body));
    });
  };
  const dashboard = serveDashboard((sent) => runtime.requestId(sent), listener);
  return (request, response) => {
    (isDashboardTarget(request.url ?? '/') ? dashboard : listener)(request, response);
  };
}
