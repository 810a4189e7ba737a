import { join } from 'node:path';
import type { RequestListener } from 'node:http';
import express, { type Express } from 'express';
import { packageRoot } from '../scenario/library.js';
import { DASHBOARD_PATH } from './dashboard-path.js';
import { mountOf } from './mount-of.js';

/**
 * Whether a request target is the dashboard's (`/__admin/ui` or under it), by express's mount rule, which
 * ignores case: only those requests go through express.
 *
 * @example
 * isDashboardTarget('/__admin/ui/app.js'); // true
 * isDashboardTarget('/__admin/journal'); // false
 */
export const isDashboardTarget = (target: string): boolean =>
  // The path and the character after it decide: only they are lower-cased.
  mountOf(target.slice(0, DASHBOARD_PATH.length + 1).toLowerCase(), [{ basePath: DASHBOARD_PATH }]) !==
  undefined;

/** The header the dashboard's periodic reads carry: such reads are answered but not journalled. */
export const DASHBOARD_POLL_HEADER = 'x-mock-dashboard';

/** Where the dashboard's files are: `dashboard/` at the package root, shipped as they are (no build). */
export const dashboardDir = (): string => join(packageRoot(), 'dashboard');

/** Headers every dashboard file and redirect carries: no caching, no sniffing, only its own scripts. */
const SECURITY_HEADERS = {
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

/** The request id a header names, when it names exactly one. */
const sentId = (value: string | string[] | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;

/**
 * The dashboard's static files (`dashboard/`: an HTML page, ES modules and a stylesheet) at `/__admin/ui`,
 * as an express app, each answer with its `X-Request-Id` (`requestId` numbers it as every request is).
 * They hold no data, so they answer without the admin token; the page asks for it and sends it to the
 * control API. `/__admin/ui` redirects to `/__admin/ui/` so the page's relative module paths resolve
 * under it; a request that is not for one of the files goes on to `otherwise` (the control API's 404).
 *
 * @example
 * const dashboard = serveDashboard((sent) => runtime.requestId(sent), answer);
 * createServer((request, response) => (isDashboardTarget(request.url ?? '/') ? dashboard : answer)(request, response));
 */
export function serveDashboard(
  requestId: (sent: string | undefined) => string,
  otherwise: RequestListener,
): Express {
  const files = express.static(dashboardDir(), {
    index: 'index.html',
    redirect: false,
    etag: false,
    dotfiles: 'deny',
    setHeaders: (response) => {
      response.setHeader('x-request-id', requestId(sentId(response.req.headers['x-request-id'])));
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    },
  });
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(DASHBOARD_PATH, (request, response, next) => {
    const bare = request.path === '/' && !(request.originalUrl.split('?')[0] ?? '').endsWith('/');
    if (!bare || (request.method !== 'GET' && request.method !== 'HEAD')) {
      void files(request, response, next);
      return;
    }
    response
      .status(301)
      .set({ ...SECURITY_HEADERS, 'x-request-id': requestId(sentId(request.headers['x-request-id'])) })
      .location(`${DASHBOARD_PATH}/`)
      .type('text/html')
      .send(`<!doctype html><title>Dashboard</title><a href="${DASHBOARD_PATH}/">${DASHBOARD_PATH}/</a>`);
  });
  app.use(otherwise);
  return app;
}

/**
 * Whether a request is one of the dashboard's periodic reads of the control API (a GET carrying
 * `X-Mock-Dashboard: poll`): those are not journalled, so an open dashboard never evicts a client's
 * exchanges from the journal.
 *
 * @example
 * if (!isDashboardPoll(request.method, request.headers[DASHBOARD_POLL_HEADER], 'admin')) journal(...);
 */
export function isDashboardPoll(
  method: string,
  header: string | string[] | undefined,
  vendor: string,
): boolean {
  return vendor === 'admin' && method === 'GET' && header === 'poll';
}
