import { HttpResponse } from 'msw';
import type { FaultEffect } from '../scenario/types.js';

/** A fault played on the transport rather than in the answer. */
export type TransportFaultType = 'reset' | 'hang' | 'truncate' | 'garbage';

/** Whether a scenario fault effect is a transport fault. */
export const isTransportFault = (effect: FaultEffect): effect is { type: TransportFaultType } =>
  effect.type === 'reset' ||
  effect.type === 'hang' ||
  effect.type === 'truncate' ||
  effect.type === 'garbage';

/** Header through which a client picks a scenario per request. */
export const SCENARIO_HEADER = 'x-mock-scenario';
/** Internal header: names the decision the standalone server's express layer made for a request (`preflight`). */
export const PREFLIGHT_HEADER = 'x-enrichment-mock-preflight';

/**
 * A transport fault inside a client's own process, where there is no socket to break: a reset or a
 * hang becomes a network error; a truncated body is the real body cut in half; garbage is an HTML
 * proxy error page where JSON was expected.
 */
export function transportFault(
  type: TransportFaultType,
  status: number,
  body: string,
  headers: Record<string, string>,
): Response {
  switch (type) {
    case 'reset':
    case 'hang':
      return HttpResponse.error();
    case 'truncate':
      return new HttpResponse(body.slice(0, Math.max(1, Math.floor(body.length / 2))), { status, headers });
    case 'garbage':
      return new HttpResponse(GARBAGE_PAGE, {
        status: 502,
        headers: { ...headers, 'content-type': 'text/html' },
      });
  }
}

/** What a misbehaving proxy in front of an API sends instead of JSON. */
export const GARBAGE_PAGE =
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
