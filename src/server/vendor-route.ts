import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMiddleware } from '@mswjs/http-middleware';
import type { Request as ExpressRequest } from 'express';
import type { HttpHandler } from 'msw';
import { isTransportFault, PREFLIGHT_HEADER } from '../adapter/transport-fault.js';
import type { Preflight, RequestView } from '../adapter/vendor-handler.js';
import type { FaultEffect, Vendor } from '../scenario/types.js';
import { captureMiddleware } from './capture-middleware.js';
import type { Exchange, Outcome } from './exchange.js';

/** One vendor as the server mounts it: its msw handler and the classification it does before running. */
export interface MountedVendor {
  vendor: Vendor;
  basePath: string;
  handler: HttpHandler;
  preflight(request: RequestView, arrival: number): Preflight;
  release(token: string): void;
}

/**
 * The request as `createMiddleware` reads it: method, URL, protocol, the headers it forwards to msw
 * (`headers`, the client's plus the internal ones) and, for a request that may have a body, the body
 * stream, which is the tapped feed (the middleware streams it with `Readable.toWeb(req)`).
 */
function forMiddleware(
  request: ExpressRequest,
  headers: IncomingHttpHeaders,
  body: Readable | undefined,
): ExpressRequest {
  const fields = {
    method: request.method,
    url: request.originalUrl,
    protocol: request.protocol,
    headers,
    get: (name: string) => headers[name.toLowerCase()],
    header: (name: string) => headers[name.toLowerCase()],
  };
  return (body === undefined ? fields : Object.assign(body, fields)) as unknown as ExpressRequest;
}

/**
 * Serves one vendor's requests: classifies the request and decides the scenario's faults once
 * (`preflight`, which counts the call), waits out any latency, names the decision to the msw handler in
 * the internal preflight header (so it neither classifies nor decides again), runs the handler through
 * `createMiddleware` and returns the outcome with the transport fault, if any, for the server to play on
 * the socket.
 *
 * @example
 * const answer = createVendorRoute(puffle);
 * const outcome = await answer(req, exchange, () => notFound(req)); // then journal and deliver it
 */
export function createVendorRoute(mounted: MountedVendor) {
  // http-middleware is CommonJS and sees msw's CJS type declarations: the same class, declared twice.
  const middleware = createMiddleware(mounted.handler as unknown as Parameters<typeof createMiddleware>[0]);
  return async (request: ExpressRequest, exchange: Exchange, unmatched: () => Outcome): Promise<Outcome> => {
    const decided = mounted.preflight(
      {
        method: exchange.method,
        url: exchange.url,
        headers: { get: (name) => exchange.headers[name.toLowerCase()] ?? null },
      },
      exchange.at,
    );
    try {
      const latency = decided.effects.reduce(
        (total, effect) => total + (effect.type === 'latency' ? effect.ms : 0),
        0,
      );
      if (latency > 0) await sleep(latency);
      const headers: IncomingHttpHeaders = {
        ...exchange.headers,
        [PREFLIGHT_HEADER]: decided.token,
        'x-request-id': exchange.requestId,
      };
      // msw builds the request URL from the Host header: keep a malformed one from failing the request.
      if (!URL.canParse(`http://${headers.host ?? ''}`)) headers.host = 'localhost';
      const mayHaveBody = exchange.method !== 'GET' && exchange.method !== 'HEAD';
      const answer = await captureMiddleware(
        middleware,
        forMiddleware(request, headers, mayHaveBody ? exchange.tap.feed : undefined),
      );
      if (answer === undefined) return unmatched();
      const effects: readonly FaultEffect[] = decided.effects;
      const fault = effects.find(isTransportFault)?.type;
      return {
        vendor: mounted.vendor,
        scenario: decided.scenario,
        tenant: decided.tenant,
        operation: decided.operationId,
        at: decided.at,
        answer,
        ...(fault === undefined ? {} : { fault }),
        ...(decided.effects.length === 0 ? {} : { faults: decided.effects }),
      };
    } finally {
      mounted.release(decided.token);
    }
  };
}
