import express, {
  type Express,
  type Request as ExpressRequest,
  type Response as ExpressResponse,
  type NextFunction,
} from 'express';
import type { Runtime } from '../runtime/mock-runtime.js';
import type { AdminApi } from './admin/admin-api.js';
import { checkAdminToken } from './admin/admin-auth.js';
import { adminError, type AdminResult } from './admin/admin-error.js';
import { resultAnswer } from './answer.js';
import { deliver, toSent, type DeliveryState } from './deliver.js';
import { closeExchange, openExchange, requestUrl, type Exchange, type Outcome } from './exchange.js';
import { toFetchRequest } from './fetch-request.js';
import type { Logger } from './logger.js';
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
  app.set('case sensitive routing', true);
  app.set('etag', false);

  const exchanges = new WeakMap<ExpressRequest, Exchange>();
  const exchangeOf = (request: ExpressRequest): Exchange => {
    const exchange = exchanges.get(request);
    if (!exchange)
      throw new Error(
        'A request reached a route without an exchange: the exchange middleware must come first.',
      );
    return exchange;
  };

  const jsonOutcome = (
    request: ExpressRequest,
    vendor: Outcome['vendor'],
    result: AdminResult,
    operation: string | null = null,
  ): Outcome => ({
    vendor,
    scenario: runtime.active.name,
    tenant: null,
    operation,
    answer: resultAnswer(result, exchangeOf(request).requestId),
  });

  const unmatched = (request: ExpressRequest): Outcome =>
    jsonOutcome(request, 'unknown', unrouted(request.method, requestUrl(request.originalUrl).pathname));

  const finish = async (
    request: ExpressRequest,
    response: ExpressResponse,
    outcome: Outcome,
  ): Promise<void> => {
    const exchange = exchangeOf(request);
    const sent = await toSent(outcome);
    await closeExchange(exchange, outcome, sent, runtime, logger);
    deliver(request, response, outcome, sent, options.delivery);
  };

  /** Runs a route; a failure inside it becomes a journalled 500 rather than a dropped request. */
  const route =
    (answer: (request: ExpressRequest) => Promise<Outcome> | Outcome) =>
    async (request: ExpressRequest, response: ExpressResponse): Promise<void> => {
      let outcome: Outcome;
      try {
        outcome = await answer(request);
      } catch (error) {
        logger.log('error', 'request failed', {
          requestId: exchangeOf(request).requestId,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        outcome = jsonOutcome(
          request,
          'unknown',
          adminError(
            'INTERNAL_ERROR',
            'Internal server error: the mock failed to answer this request. The server log has the details.',
          ),
        );
      }
      await finish(request, response, outcome);
    };

  app.use((request: ExpressRequest, _response: ExpressResponse, next: NextFunction) => {
    exchanges.set(request, openExchange(request, runtime));
    logger.log('debug', 'request received', {
      requestId: exchangeOf(request).requestId,
      method: request.method,
      path: requestUrl(request.originalUrl).pathname,
    });
    next();
  });

  const refuseMethod = route(unmatched);
  app.use((request: ExpressRequest, response: ExpressResponse, next: NextFunction) =>
    FORBIDDEN_METHODS.has(request.method) ? refuseMethod(request, response) : next(),
  );

  app.use(
    '/__admin',
    route(async (request) => {
      request.url = request.originalUrl;
      const operation = admin.operationOf(request.method, requestUrl(request.url).pathname);
      const refused = checkAdminToken(request.headers.authorization, options.adminToken);
      if (refused) return jsonOutcome(request, 'admin', refused, operation);
      return jsonOutcome(
        request,
        'admin',
        await admin.handle(toFetchRequest(request, exchangeOf(request).tap.feed)),
        operation,
      );
    }),
  );

  for (const mounted of options.vendors) {
    const answer = createVendorRoute(mounted);
    app.use(
      mounted.basePath,
      route((request) => answer(request, exchangeOf(request), () => unmatched(request))),
    );
  }

  app.use(route(unmatched));
  return app;
}
