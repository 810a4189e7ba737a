import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { requestUrl } from './exchange.js';

/**
 * A node request as a fetch `Request` (the routes only read its path, query, headers and body; the origin
 * is a placeholder). With `body`, the request body streams from it (the exchange's tapped feed).
 *
 * @example
 * const answer = await admin.handle(toFetchRequest(req, exchange.tap.feed));
 */
export function toFetchRequest(request: IncomingMessage, body?: Readable): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const method = request.method ?? 'GET';
  const hasBody = body !== undefined && method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(body) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  };
  return new Request(requestUrl(request.url ?? '/'), init);
}
