import type { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMiddleware } from '@mswjs/http-middleware';
import type { Request as ExpressRequest } from 'express';
import type { HttpHandler } from 'msw';
import { FAULT_HEADER } from '../adapter/transport-fault.js';
import type { Preflight } from '../adapter/vendor-handler.js';
import type { FaultEffect, Vendor } from '../scenario/types.js';
import { captureMiddleware } from './capture-middleware.js';
import type { Exchange, Outcome, TransportFaultType } from './exchange.js';
import { toFetchRequest } from './fetch-request.js';

/** One vendor as the server mounts it: its msw handler and the classification it does before running. */
export interface MountedVendor {
  vendor: Vendor;
  basePath: string;
  handler: HttpHandler;
  preflight(request: Request): Preflight;
}

const isTransport = (effect: FaultEffect): effect is { type: TransportFaultType } =>
  effect.type === 'reset' ||
  effect.type === 'hang' ||
  effect.type === 'truncate' ||
  effect.type === 'garbage';

/**
 * The request as `createMiddleware` reads it, with its body coming from the tapped feed: the middleware
 * streams the body with `Readable.toWeb(req)`, so the feed stands in for the request, carrying the few
 * request fields the middleware reads.
 */
function withBody(request: ExpressRequest, feed: PassThrough): ExpressRequest {
  const fields = {
    method: request.method,
    url: request.url,
    headers: request.headers,
    protocol: request.protocol,
    get: request.get.bind(request),
    header: request.header.bind(request),
  };
  return Object.assign(feed, fields) as unknown as ExpressRequest;
}

/**
 * Serves one vendor's requests: decides the scenario's faults once (`preflight`, which counts the call),
 * waits out any latency, passes the other effects to the msw handler in the internal fault header (so it
 * does not decide again), runs the handler through `createMiddleware` and returns the outcome with the
 * transport fault, if any, for the server to play on the socket.
 *
 * @example
 * const answer = createVendorRoute(puffle);
 * const outcome = await answer(req, exchange, () => notFound(req)); // then journal and deliver it
 */
export function createVendorRoute(mounted: MountedVendor) {
  // http-middleware is CommonJS and sees msw's CJS type declarations: the same class, declared twice.
  const middleware = createMiddleware(mounted.handler as unknown as Parameters<typeof createMiddleware>[0]);
  return async (request: ExpressRequest, exchange: Exchange, unmatched: () => Outcome): Promise<Outcome> => {
    request.url = request.originalUrl;
    // msw builds the request URL from the Host header: keep a malformed one from failing the request.
    if (!URL.canParse(`http://${request.headers.host ?? ''}`)) request.headers.host = 'localhost';
    const decided = mounted.preflight(toFetchRequest(request));
    const latency = decided.effects.reduce(
      (total, effect) => total + (effect.type === 'latency' ? effect.ms : 0),
      0,
    );
    if (latency > 0) await sleep(latency);
    const upstream = decided.effects.filter((effect) => effect.type !== 'latency' && !isTransport(effect));
    request.headers[FAULT_HEADER] = JSON.stringify(upstream);
    request.headers['x-request-id'] = exchange.requestId;
    const answer = await captureMiddleware(middleware, withBody(request, exchange.tap.feed));
    if (answer === undefined) return unmatched();
    const fault = decided.effects.find(isTransport)?.type;
    return {
      vendor: mounted.vendor,
      scenario: decided.scenario,
      tenant: decided.tenant,
      operation: decided.operationId,
      answer,
      ...(fault === undefined ? {} : { fault }),
    };
  };
}
