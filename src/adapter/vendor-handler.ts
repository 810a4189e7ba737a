import { http, HttpResponse, type HttpHandler } from 'msw';
import { NO_BODY, readBody } from '../http/read-body.js';
import type { Runtime } from '../runtime/mock-runtime.js';
import { recordExchange } from '../runtime/record-exchange.js';
import { faultedAnswer } from './transport-fault.js';
import type { VendorDefinition } from './vendor-definition.js';
import { createVendorPipeline } from './vendor-pipeline.js';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The URL pattern of a vendor's handler: every path under `basePath` (`/api/...`, not `/api` itself) on
 * `origin`, or on any scheme and host for `*`. A RegExp, because msw percent-decodes the parameters of a
 * string pattern with a throwing `decodeURIComponent` (a path such as `/api/%zz` failed with a URIError
 * before the handler ran) and leaves a RegExp without capturing groups alone; the pipeline then routes
 * the raw path, and a segment that is not valid percent-encoding matches no operation (vendor 404).
 * Case-insensitive, as msw's string patterns are.
 *
 * @example
 * handlerPath('https://app.puffle.ai', '/api'); // /^https:\/\/app\.puffle\.ai\/api\//i
 * handlerPath('*', '/api').test('http://localhost:4010/api/enrichments'); // true
 */
export function handlerPath(origin: string, basePath: string): RegExp {
  const base = escapeRegExp(basePath.replace(/\/+$/, ''));
  if (origin === '*') return new RegExp(`^[a-z][a-z\\d+.-]*://[^/]+${base}/`, 'i');
  const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
  const exact = parsed !== undefined && parsed.pathname === '/' ? parsed.origin : origin.replace(/\/+$/, '');
  return new RegExp(`^${escapeRegExp(exact)}${base}/`, 'i');
}

/**
 * The in-process adapter: one msw handler serving every operation of a vendor on `origin`. It reads the
 * body once (up to the limit), runs the vendor pipeline, waits out the latency it asks for, plays its
 * transport fault (a reset or a hang is a network error: there is no socket to break), journals the
 * exchange and answers.
 *
 * @example
 * const [puffle] = createVendors();
 * const handler = createVendorHandler(puffle, runtime, VENDOR_ORIGINS.puffle);
 * setupServer(handler).listen();
 */
export function createVendorHandler(
  definition: VendorDefinition,
  runtime: Runtime,
  origin: string,
): HttpHandler {
  const answer = createVendorPipeline(definition, runtime);
  return http.all(handlerPath(origin, definition.basePath), async ({ request }) => {
    const started = performance.now();
    const wallTime = new Date().toISOString();
    const { method, headers } = request;
    const url = new URL(request.url);
    const body = request.body === null ? NO_BODY : await readBody(request.body, runtime.bodyLimitBytes);
    const result = answer(
      { method, url, headers, body: body.data },
      runtime.requestId(headers.get('x-request-id')),
    );
    const { latencyMs, fault } = result.edge;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const sent = faultedAnswer(fault, result.answer);
    const { facts, at } = result;
    recordExchange(runtime, {
      facts,
      method,
      url,
      headers: Object.fromEntries(headers),
      body,
      sent,
      at,
      wallTime,
      started,
    });
    return sent === null
      ? HttpResponse.error()
      : new HttpResponse(sent.body, { status: sent.status, headers: sent.headers });
  });
}
