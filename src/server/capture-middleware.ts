import { Writable } from 'node:stream';
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express';
import type { Answer } from '../http/answer.js';

/**
 * Runs an express middleware (`createMiddleware` of `@mswjs/http-middleware`, over the user's own msw
 * handlers) against a stand-in response and collects what it answers, so the server journals and sends
 * it like any other answer. Resolves `undefined` when the middleware passes the request on
 * (`next()`: no handler matched).
 *
 * @example
 * const answer = await captureMiddleware(createMiddleware(handler), req);
 */
export function captureMiddleware(
  middleware: RequestHandler,
  request: ExpressRequest,
): Promise<Answer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const headers: Record<string, string> = {};
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        chunks.push(Buffer.from(chunk));
        callback();
      },
    });
    // The part of ServerResponse the middleware uses: status, headers, then it pipes the body in.
    const response = Object.assign(sink, {
      statusCode: 200,
      statusMessage: '',
      appendHeader(name: string, value: string) {
        const key = name.toLowerCase();
        headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
        return response;
      },
    });
    sink.once('finish', () => {
      resolve({ status: response.statusCode, headers, body: Buffer.concat(chunks).toString('utf8') });
    });
    sink.once('error', reject);
    const next = (error?: unknown): void => {
      if (error === undefined) resolve(undefined);
      else
        reject(
          error instanceof Error
            ? error
            : new Error('A --handlers middleware passed a non-Error value to next().', { cause: error }),
        );
    };
    Promise.resolve(middleware(request, response as unknown as ExpressResponse, next)).catch(reject);
  });
}
