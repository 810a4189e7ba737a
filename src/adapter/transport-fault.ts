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

/** A complete answer: status, headers (lower-case names) and body text. */
interface FaultedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * What a transport fault leaves of an answer: nothing for a reset or a hang, the body cut in half for a
 * truncation, an HTML proxy error page (502) where JSON was expected for garbage. The server sends it on
 * the socket; in process, `transportFault` turns it into a response.
 *
 * @example
 * faultedAnswer('truncate', { status: 200, headers: {}, body: '{"id":1}' }); // body '{"id'
 */
export function faultedAnswer(type: TransportFaultType, answer: FaultedAnswer): FaultedAnswer | null {
  switch (type) {
    case 'reset':
    case 'hang':
      return null;
    case 'truncate':
      return { ...answer, body: answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 2))) };
    case 'garbage':
      return { status: 502, headers: { ...answer.headers, 'content-type': 'text/html' }, body: GARBAGE_PAGE };
  }
}

/**
 * A transport fault inside a client's own process, where there is no socket to break: a reset or a
 * hang becomes a network error, anything else the faulted answer.
 */
export function transportFault(
  type: TransportFaultType,
  status: number,
  body: string,
  headers: Record<string, string>,
): Response {
  const faulted = faultedAnswer(type, { status, headers, body });
  return faulted === null
    ? HttpResponse.error()
    : new HttpResponse(faulted.body, { status: faulted.status, headers: faulted.headers });
}

/** What a misbehaving proxy in front of an API sends instead of JSON. */
export const GARBAGE_PAGE =
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
