import { join } from 'node:path';
import express, { type RequestHandler } from 'express';
import { packageRoot } from '../scenario/library.js';

/** The header the dashboard's periodic reads carry: such reads are answered but not journalled. */
export const DASHBOARD_POLL_HEADER = 'x-mock-dashboard';

/** Where the dashboard's files are: `dashboard/` at the package root, shipped as they are (no build). */
export const dashboardDir = (): string => join(packageRoot(), 'dashboard');

/**
 * The dashboard's static files (`dashboard/`: an HTML page, ES modules and a stylesheet) for mounting at
 * `/__admin/ui`. They hold no data, so they answer without the admin token; the page asks for it and sends
 * it to the control API. A path that is not one of the files falls through to the control API's 404.
 *
 * @example
 * app.use('/__admin/ui', serveDashboard());
 */
export function serveDashboard(): RequestHandler {
  return express.static(dashboardDir(), {
    index: 'index.html',
    // `/__admin/ui` redirects to `/__admin/ui/`, so the page's relative module paths resolve under it.
    redirect: true,
    etag: false,
    dotfiles: 'deny',
    setHeaders: (response) => {
      response.setHeader('cache-control', 'no-cache');
      response.setHeader('x-content-type-options', 'nosniff');
      response.setHeader(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      );
    },
  });
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
