import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';

/** What the tap saw of a request body. */
export interface TappedBody {
  /** The body as text; `null` when there was none; its first `cap` bytes when it was over the cap. */
  text: string | null;
  /** Bytes received. */
  bytes: number;
  /** The body was larger than the cap: `text` is its first `cap` bytes, the bytes past the cap were discarded. */
  overCap: boolean;
}

/** A request body read once by the server, for the journal and for whoever answers the request. */
export interface BodyTap {
  /**
   * The body for the route that answers (the vendor pipeline or the control API): the first `cap + 1`
   * bytes at most, which is enough for the route to refuse an oversized body with 413.
   */
  feed: PassThrough;
  /** Resolves once the body has been received (or the connection closed), or as soon as it went over the cap. */
  settle(): Promise<TappedBody>;
}

/** What a request without a body taps. */
const NO_BODY: TappedBody = { text: null, bytes: 0, overCap: false };

/**
 * Reads a request body as it arrives and hands it on through `feed`. The server owns the socket's flow:
 * a route that stops reading (an oversized body, a fault that answers before reading) or cancels its
 * stream cannot stall or destroy the connection, and the rest of the body is drained and discarded, so
 * the response still reaches the client. Of a body over `cap` bytes the journal gets the first `cap`.
 *
 * @example
 * const tap = tapBody(req, 1_048_576);
 * const request = new Request(url, { method: 'POST', body: Readable.toWeb(tap.feed), duplex: 'half' });
 * const { text } = await tap.settle();
 */
export function tapBody(request: IncomingMessage, cap: number): BodyTap {
  // No body announced (a GET, a cancel without body): nothing to tap, no stream unless a route asks.
  const length = request.headers['content-length'];
  if (request.headers['transfer-encoding'] === undefined && (length === undefined || length === '0')) {
    let feed: PassThrough | undefined;
    return {
      get feed() {
        return (feed ??= new PassThrough().end() as PassThrough);
      },
      settle: () => Promise.resolve(NO_BODY),
    };
  }
  const chunks: Buffer[] = [];
  const feed = new PassThrough();
  // A route that cancels its stream destroys the feed; that must not surface as an unhandled error.
  feed.on('error', () => undefined);
  let bytes = 0;
  let overCap = false;
  let settled = (): void => undefined;
  const done = new Promise<void>((resolve) => (settled = resolve));
  const end = (): void => {
    if (!feed.destroyed) feed.end();
    settled();
  };
  request.once('end', end);
  request.once('close', end);
  request.once('error', end);

  request.on('data', (chunk: Buffer) => {
    if (overCap) return;
    bytes += chunk.byteLength;
    if (!feed.destroyed) feed.write(chunk);
    if (bytes <= cap) return void chunks.push(chunk);
    overCap = true;
    chunks.push(chunk.subarray(0, chunk.byteLength - (bytes - cap)));
    end();
  });

  return {
    feed,
    settle: async () => {
      await done;
      return { text: bytes === 0 ? null : Buffer.concat(chunks).toString('utf8'), bytes, overCap };
    },
  };
}
