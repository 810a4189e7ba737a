/**
 * The ceiling of our architecture: express 5 serving one msw handler through `@mswjs/http-middleware`,
 * as enrichment-mock serves each vendor, but with no mock logic at all. The handler answers the four
 * Puffle request kinds with the spec's canned JSON (bench/throughput/fixtures.ts) after the same Bearer
 * check as the plain express stub, reading the create's JSON body, and routes by hand so msw runs a
 * single handler per request (its cheapest case). What it costs over plain express is the price of the
 * msw bridge alone: no server built this way can be faster.
 *
 *   node --import tsx bench/throughput/servers/msw-express.ts   # prints "listening on http://127.0.0.1:PORT"
 */
import { createMiddleware } from '@mswjs/http-middleware';
import express from 'express';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { loadFixtures } from '../fixtures.js';
import { listen } from './listen.js';

const fixtures = loadFixtures();
let requestCount = 0;

/** The canned answer of a Puffle request, by method and path. */
async function cannedAnswer(request: Request): Promise<unknown> {
  const path = new URL(request.url).pathname;
  if (request.method === 'POST' && path === '/api/enrichment') {
    await request.json();
    return fixtures.create;
  }
  if (path.endsWith('/items')) return fixtures.items;
  if (path.endsWith('/cancel')) return fixtures.cancel;
  return fixtures.poll;
}

const handler = http.all('*/api/*', async ({ request }) => {
  const headers = { 'x-request-id': `req_${++requestCount}` };
  if (!request.headers.get('authorization')?.startsWith('Bearer '))
    return HttpResponse.json(
      { code: 'unauthorized', message: 'Missing Bearer key.' },
      { status: 401, headers },
    );
  // The fixtures are JSON read from the spec.
  return HttpResponse.json((await cannedAnswer(request)) as JsonBodyType, { headers });
});

const app = express();
app.disable('x-powered-by');
// http-middleware is CommonJS and sees msw's CJS type declarations: the same class, declared twice.
app.use(createMiddleware(handler as unknown as Parameters<typeof createMiddleware>[0]));
listen(app);
