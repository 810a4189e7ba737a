/** The part of a request's headers the pipeline reads: `get` by name, case-insensitively. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * A request as both adapters hand it to the vendor pipeline and the control API: no fetch `Request`,
 * no node stream. The body has been read once by the adapter, at most one byte past the body limit.
 */
export interface PlainRequest {
  method: string;
  url: URL;
  headers: HeaderReader;
  /** The body bytes; `null` when the request had none. */
  body: Uint8Array | null;
}

/**
 * A header reader over a record of lower-case header names (node's `req.headers`, joined).
 *
 * @example
 * headerReaderOf({ 'x-api-key': 'sk_1' }).get('X-Api-Key'); // 'sk_1'
 */
export function headerReaderOf(headers: Readonly<Record<string, string>>): HeaderReader {
  return {
    get(name) {
      return headers[name.toLowerCase()] ?? null;
    },
  };
}
