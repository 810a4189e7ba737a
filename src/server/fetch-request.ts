import { Readable } from 'node:stream';
import type { Exchange } from './exchange.js';

/**
 * An exchange's request as a fetch `Request` (the control API only reads its path, query, headers and
 * body; the origin is a placeholder). The body, for methods that carry one, streams from the exchange's
 * tapped feed.
 *
 * @example
 * const answer = await admin.handle(toFetchRequest(exchange));
 */
export function toFetchRequest(exchange: Exchange): Request {
  const { method } = exchange;
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = {
    method,
    headers: exchange.headers,
    ...(hasBody
      ? { body: Readable.toWeb(exchange.tap.feed) as ReadableStream<Uint8Array>, duplex: 'half' }
      : {}),
  };
  return new Request(exchange.url, init);
}
