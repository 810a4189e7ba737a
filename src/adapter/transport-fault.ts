import type { Answer } from '../http/answer.js';
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

/**
 * What a transport fault leaves of an answer: nothing for a reset or a hang, the body cut in half for a
 * truncation, an HTML proxy error page (502) where JSON was expected for garbage. What both adapters
 * send, and what the journal records (nothing is status 0).
 *
 * @example
 * faultedAnswer('truncate', { status: 200, headers: {}, body: '{"id":1}' }); // body '{"id'
 * faultedAnswer(undefined, answer); // answer itself: no fault
 */
export function faultedAnswer(type: TransportFaultType | undefined, answer: Answer): Answer | null {
  switch (type) {
    case undefined:
      return answer;
    case 'reset':
    case 'hang':
      return null;
    case 'truncate':
      return { ...answer, body: answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 2))) };
    case 'garbage':
      return { status: 502, headers: { ...answer.headers, 'content-type': 'text/html' }, body: GARBAGE_PAGE };
  }
}

/** What a misbehaving proxy in front of an API sends instead of JSON. */
export const GARBAGE_PAGE =
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
