import { Readable } from 'node:stream';
import { createMiddleware } from '@mswjs/http-middleware';
import type { Request as ExpressRequest } from 'express';
import { HttpHandler, matchRequestUrl, type RequestHandler } from 'msw';
import type { Answer } from '../http/answer.js';
import { captureMiddleware } from './capture-middleware.js';
import type { Exchange } from './exchange.js';

/** Whether a handler could answer a request: an http handler by its method and path, any other kind always. */
function couldMatch(handler: RequestHandler, method: string, url: URL, origin: string): boolean {
  if (!(handler instanceof HttpHandler)) return true;
  const { method: wanted, path } = handler.info;
  const methodMatches = wanted instanceof RegExp ? wanted.test(method) : wanted.toUpperCase() === method;
  return methodMatches && (typeof path === 'function' || matchRequestUrl(url, path, origin).matches);
}

/**
 * The user's own msw handlers (`serve --handlers FILE`), served in front of the vendors through
 * `@mswjs/http-middleware`'s `createMiddleware`. Only a request one of them could match (by method and
 * path, checked without building a fetch request) pays the bridge; the answer comes back as a plain
 * answer, so it is journalled and sent like every other. `undefined` when no handler answered: the
 * request falls through to the vendors.
 *
 * @example
 * const user = createUserHandlers(handlers);
 * const answer = await user.answer(exchange); // Answer | undefined
 */
export function createUserHandlers(handlers: readonly RequestHandler[]) {
  // http-middleware is CommonJS and sees msw's CJS type declarations: the same class, declared twice.
  const middleware = createMiddleware(...(handlers as unknown as Parameters<typeof createMiddleware>));
  return async ({ request, headers, body }: Exchange): Promise<Answer | undefined> => {
    const host = headers['host'] ?? '';
    const origin = `http://${host}`;
    const target = `${request.url.pathname}${request.url.search}`;
    if (!URL.canParse(target, origin)) return undefined;
    const url = new URL(target, origin);
    if (!handlers.some((handler) => couldMatch(handler, request.method, url, origin))) return undefined;
    // The request as `createMiddleware` reads it: the body read once already, streamed again.
    const stand = Object.assign(Readable.from(body.data === null ? [] : [body.data]), {
      method: request.method,
      url: target,
      protocol: 'http',
      headers,
      get: (name: string) => headers[name.toLowerCase()],
      header: (name: string) => headers[name.toLowerCase()],
    });
    return captureMiddleware(middleware, stand as unknown as ExpressRequest);
  };
}

export type UserHandlers = ReturnType<typeof createUserHandlers>;
