import type { Answer } from '../http/answer.js';
import type { FaultEffect } from '../scenario/types.js';

/** What a misbehaving proxy in front of an API sends instead of JSON. */
export const GARBAGE_PAGE =
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

/**
 * Every transport fault, declared once: what it does (the scenario schema's text) and what it leaves of
 * an answer. Both adapters send what `leaves` returns and the journal records it (`null`: nothing was
 * sent, status 0); the node adapter's `deliver` adds what only a socket can do (hold it open, close it).
 */
const TRANSPORT_FAULTS = {
  reset: { does: 'drop the connection', leaves: (): Answer | null => null },
  hang: { does: 'never answer', leaves: (): Answer | null => null },
  truncate: {
    does: 'cut the body short',
    leaves: (answer: Answer): Answer | null => ({
      ...answer,
      body: answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 2))),
    }),
  },
  garbage: {
    does: 'send a non-JSON body',
    leaves: (answer: Answer): Answer | null => ({
      status: 502,
      headers: { ...answer.headers, 'content-type': 'text/html' },
      body: GARBAGE_PAGE,
    }),
  },
};

/** A fault played on the transport rather than in the answer. */
export type TransportFaultType = keyof typeof TRANSPORT_FAULTS;

/** Every transport fault type, in declaration order. */
// Object.keys loses the key type; the keys of the table are exactly `TransportFaultType`.
export const TRANSPORT_FAULT_TYPES = Object.keys(TRANSPORT_FAULTS) as TransportFaultType[];

/** What each transport fault does, for the scenario schema: "`reset`: drop the connection; ...". */
export const TRANSPORT_FAULT_TEXT = TRANSPORT_FAULT_TYPES.map(
  (type) => `\`${type}\`: ${TRANSPORT_FAULTS[type].does}`,
).join('; ');

/** Whether a scenario fault effect is a transport fault. */
export const isTransportFault = (effect: FaultEffect): effect is { type: TransportFaultType } =>
  Object.hasOwn(TRANSPORT_FAULTS, effect.type);

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
  return type === undefined ? answer : TRANSPORT_FAULTS[type].leaves(answer);
}
