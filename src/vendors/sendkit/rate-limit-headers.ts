import type { VendorReply } from '../../adapter/vendor-definition.js';

/** Requests per window the mock announces (it never throttles on its own: 429 comes from scenario faults). */
export const RATE_LIMIT = 100;
const WINDOW_MS = 60_000;

/**
 * Sendkit's rate-limit headers, sent on every response. Deterministic: the limit is fixed, one request
 * of it is used, and the window resets at the end of the current clock minute (Unix seconds). A 429 says
 * the window is spent (`X-RateLimit-Remaining: 0`) and, when it carries `Retry-After`, resets when that
 * runs out: the first whole second at or after `now + Retry-After`, so a client that waits for either
 * waits the same.
 *
 * @example
 * rateLimitHeaders(Date.parse('2026-01-05T09:00:30Z'), { status: 200, body: {} }); // { 'x-ratelimit-reset': '1767603660', ... }
 * rateLimitHeaders(Date.parse('2026-01-05T09:00:30Z'), { status: 429, body: {}, headers: { 'retry-after': '3' } }); // remaining '0', reset '1767603633'
 */
export function rateLimitHeaders(now: number, response: VendorReply): Record<string, string> {
  const throttled = response.status === 429;
  const retryAfter = Number(response.headers?.['retry-after']);
  const reset =
    throttled && Number.isFinite(retryAfter)
      ? Math.ceil(now / 1_000 + retryAfter)
      : (Math.floor(now / WINDOW_MS) + 1) * (WINDOW_MS / 1_000);
  return {
    'x-ratelimit-limit': String(RATE_LIMIT),
    'x-ratelimit-remaining': String(throttled ? 0 : RATE_LIMIT - 1),
    'x-ratelimit-reset': String(reset),
  };
}
