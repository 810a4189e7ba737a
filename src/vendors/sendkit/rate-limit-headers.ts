/** Requests per window the mock announces (it never throttles on its own: 429 comes from scenario faults). */
export const RATE_LIMIT = 100;
const WINDOW_MS = 60_000;

/**
 * Sendkit's rate-limit headers, sent on every response. Deterministic: the limit is fixed, one request
 * of it is used, and the window resets at the end of the current clock minute (Unix seconds).
 *
 * @example
 * rateLimitHeaders(Date.parse('2026-01-05T09:00:30Z')); // { 'x-ratelimit-reset': '1767603660', ... }
 */
export function rateLimitHeaders(now: number): Record<string, string> {
  return {
    'x-ratelimit-limit': String(RATE_LIMIT),
    'x-ratelimit-remaining': String(RATE_LIMIT - 1),
    'x-ratelimit-reset': String((Math.floor(now / WINDOW_MS) + 1) * (WINDOW_MS / 1_000)),
  };
}
