import express, {
  type Express,
  type Request as ExpressRequest,
  type Response as ExpressResponse,
} from 'express';
import type { Runtime } from '../runtime/mock-runtime.js';
import type { AdminApi } from './admin/admin-api.js';
import { checkAdminToken } from './admin/admin-auth.js';
import { adminError, type AdminResult } from './admin/admin-error.js';
import { resultAnswer } from './answer.js';
import { deliver, toSent, type DeliveryState } from './deliver.js';
import { closeExchange, openExchange, type Exchange, type Outcome } from './exchange.js';
import { toFetchRequest } from './fetch-request.js';
import type { Logger } from './logger.js';
import { mountOf } from './mount-of.js';
import { FORBIDDEN_METHODS, unrouted } from './unrouted.js';
import { createVendorRoute, type MountedVendor } from './vendor-route.js';

export interface AppOptions {
  runtime: Runtime;
  admin: AdminApi;
  vendors: MountedVendor[];
  /** When set, the control API requires `Authorization: Bearer <adminToken>`. */
  adminToken: string | undefined;
  logger: Logger;
  delivery: DeliveryState;
}

/**
 * Builds the express 5 app: every request gets an exchange (request id, body tap, times), then goes to
 * the control API (`/__admin`), to a vendor (`/api`, `/v1`, `/websets/v0`, through the msw handlers) or
 * to a JSON 404; the outcome is journalled, logged and put on the wire, transport faults included.
 * One middleware opens the exchange and picks the route by path prefix, as express mounts paths.
 * Express never parses bodies: the vendor pipeline and the control API read them with their own limit.
 *
 * @example
 * const app = createApp({ runtime, admin, vendors, adminToken: undefined, logger, delivery });
 * http.createServer(app).listen(4010);
 */
export function createApp(options: AppOptions): Express {
  const { runtime, admin, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  const jsonOutcome = (
    exchange: Exchange,
    vendor: Outcome['vendor'],
    result: AdminResult,
    operation: string | null = null,
  ): Outcome => ({
    vendor,
    scenario: runtime.active.name,
    tenant: null,
    operation,
    answer: resultAnswer(result, exchange.requestId),
  });

  const unmatched = (exchange: Exchange): Outcome =>
    jsonOutcome(exchange, 'unknown', unrouted(exchange.method, exchange.url.pathname));

  const answerAdmin = async (exchange: Exchange): Promise<Outcome> => {
    const operation = admin.operationOf(exchange.method, exchange.url.pathname);
    const refused = checkAdminToken(exchange.headers['authorization'], options.adminToken, operation);
    if (refused) return jsonOutcome(exchange, 'admin', refused, operation);
    return jsonOutcome(exchange, 'admin', await admin.handle(toFetchRequest(exchange)), operation);
  };

  const mounts: {
    basePath: string;
    answer: (request: ExpressRequest, exchange: Exchange) => Promise<Outcome>;
  }[] = [
    { basePath: '/__admin', answer: (_request, exchange) => answerAdmin(exchange) },
    ...options.vendors.map((mounted) => {
      const answer = createVendorRoute(mounted);
      return {
        basePath: mounted.basePath,
        answer: (request: ExpressRequest, exchange: Exchange) =>
          answer(request, exchange, () => unmatched(exchange)),
      };
    }),
  ];

  /** The route of a request: refused methods, the control API, a vendor, or the JSON 404. */
  const answer = (request: ExpressRequest, exchange: Exchange): Promise<Outcome> | Outcome => {
    if (FORBIDDEN_METHODS.has(exchange.method)) return unmatched(exchange);
    const mount = mountOf(request.originalUrl, mounts);
    return mount ? mount.answer(request, exchange) : unmatched(exchange);
  };

  app.use(async (request: ExpressRequest, response: ExpressResponse): Promise<void> => {
    const exchange = openExchange(request, runtime);
    if (logger.isLevelEnabled('debug'))
      logger.debug(
        { requestId: exchange.requestId, method: exchange.method, path: exchange.url.pathname },
        'request received',
      );
    let outcome: Outcome;
    try {
      outcome = await answer(request, exchange);
    } catch (error) {
      // A failure inside a route becomes a journalled 500 rather than a dropped request.
      logger.error({ requestId: exchange.requestId, err: error }, 'request failed');
      outcome = jsonOutcome(
        exchange,
        'unknown',
        adminError(
          'INTERNAL_ERROR',
          'Internal server error: the mock failed to answer this request. The server log has the details.',
        ),
      );
    }
    const sent = toSent(outcome);
    await closeExchange(exchange, outcome, sent, runtime, logger);
    deliver(request, response, outcome, sent, options.delivery);
  });
  return app;
}
