/** How much of a receiver's answer an attempt keeps. */
const RESPONSE_BODY_LIMIT = 65_536;

/** What came back from one POST: the answer, or why there was none (status 0). */
export interface PostOutcome {
  statusCode: number;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
  error: string | null;
}

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

const causeOf = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
};

/**
 * POSTs one delivery and waits at most `timeoutMs` (wall clock) for the whole answer. Never throws: an
 * unreachable receiver, a timeout or a broken answer is an outcome with status 0 and the reason.
 *
 * @example
 * const outcome = await postDelivery(fetch, 'http://127.0.0.1:8080/hooks', body, headers, 5_000);
 * outcome.statusCode; // 200, or 0 with outcome.error = 'The receiver did not answer within 5000 ms.'
 */
export async function postDelivery(
  fetch: FetchLike,
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<PostOutcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { method: 'POST', headers, body, signal, redirect: 'manual' });
    const text = await response.text();
    return {
      statusCode: response.status,
      responseHeaders: Object.fromEntries(response.headers.entries()),
      responseBody: text.length > RESPONSE_BODY_LIMIT ? text.slice(0, RESPONSE_BODY_LIMIT) : text,
      error: null,
    };
  } catch (error) {
    const timedOut = signal.aborted;
    return {
      statusCode: 0,
      responseHeaders: {},
      responseBody: null,
      error: timedOut
        ? `The receiver did not answer within ${timeoutMs} ms.`
        : `Cannot deliver to ${url}: ${causeOf(error)}.`,
    };
  }
}
