import { parseJsonText } from './json-text.js';

/** What a test sends with a call: headers, a JSON body, or a raw body. */
export interface CallOptions {
  headers?: Record<string, string>;
  body?: unknown;
  /** A raw body sent as is (for malformed input). */
  rawBody?: string;
}

/** A call's answer as every test transport (msw in process, the server over a socket) gives it. */
export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON freely
  json: any;
}

/**
 * The fetch init of a call: JSON bodies serialised with their content type.
 *
 * @example
 * await fetch(url, toInit('POST', { body: { name: 'x' } }));
 */
export function toInit(method: string, init: CallOptions): RequestInit {
  const headers = new Headers(init.headers);
  let body: string | undefined;
  if (init.rawBody !== undefined) body = init.rawBody;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  return { method, headers, ...(body === undefined ? {} : { body }) };
}

/**
 * A response (or a network error, status 0) as a call result, its body read once as text and JSON.
 *
 * @example
 * const result = await toResult(await fetch(url, toInit('GET', {})));
 */
export async function toResult(response: Response): Promise<CallResult> {
  const text = response.type === 'error' ? '' : await response.text();
  return { status: response.status, headers: response.headers, text, json: parseJsonText(text) };
}
