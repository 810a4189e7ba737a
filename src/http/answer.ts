/** A complete HTTP answer: status, headers (lower-case names) and body text. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * What an operation answers before it is written out: a status, a JSON body and extra headers. Vendor
 * operations and control API operations answer this one shape (only the control API sends `text`).
 */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Sent as is instead of `body` as JSON (JUnit XML); `headers` then name its content type. */
  text?: string;
}

/**
 * A JSON answer.
 *
 * @example
 * jsonAnswer(200, { reset: true }, { 'x-request-id': 'req_1' });
 */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** A control API result (or an unrouted request's) as an answer carrying the request id. */
export function resultAnswer(result: Reply, requestId: string): Answer {
  if (result.text !== undefined)
    return {
      status: result.status,
      headers: { ...result.headers, 'x-request-id': requestId },
      body: result.text,
    };
  return jsonAnswer(result.status, result.body, { ...result.headers, 'x-request-id': requestId });
}
