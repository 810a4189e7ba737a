import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { faultedAnswer } from '../adapter/transport-fault.js';
import type { Answer } from './answer.js';
import type { Outcome } from './exchange.js';

/** The server's view of its sockets, for transport faults and shutdown. */
export interface DeliveryState {
  /** Sockets a `hang` fault holds open: destroyed at shutdown. */
  hanging: Set<Socket>;
  /** True once shutdown began: answers then close their connection. */
  closing(): boolean;
}

/**
 * What the client gets for an outcome: the answer itself, or what a transport fault leaves of it (the
 * same transformation as in-process): nothing for `reset` and `hang`.
 */
export const toSent = ({ answer, fault }: Outcome): Answer | null =>
  fault === undefined ? answer : faultedAnswer(fault, answer);

/**
 * Puts an outcome on the wire. `reset` destroys the socket; `hang` never answers (the socket stays
 * open until the client gives up or the server shuts down); `truncate` sends the cut body as a complete
 * response (its `Content-Length` is the cut length), then closes the connection; anything else is a
 * normal response.
 */
export function deliver(
  request: IncomingMessage,
  response: ServerResponse,
  outcome: Outcome,
  sent: Answer | null,
  state: DeliveryState,
): void {
  const { socket } = request;
  if (outcome.fault === 'hang' && !state.closing()) {
    state.hanging.add(socket);
    response.once('close', () => state.hanging.delete(socket));
    return;
  }
  if (sent === null) {
    socket.destroy();
    return;
  }
  const headers: Record<string, string> = {
    ...sent.headers,
    'content-length': String(Buffer.byteLength(sent.body)),
  };
  if (outcome.fault === 'truncate') response.once('finish', () => socket.destroy());
  if (outcome.fault === 'truncate' || state.closing()) headers['connection'] = 'close';
  response.writeHead(sent.status, headers);
  response.end(request.method === 'HEAD' ? undefined : sent.body);
}
