import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { TransportFaultType } from '../adapter/transport-fault.js';
import type { Answer } from '../http/answer.js';

/** The server's view of its sockets, for transport faults and shutdown. */
export interface DeliveryState {
  /** Sockets a `hang` fault holds open: destroyed at shutdown. */
  hanging: Set<Socket>;
  /** True once shutdown began: answers then close their connection. */
  closing(): boolean;
}

/**
 * Puts an answer on the wire, as `faultedAnswer` left it under a transport fault. `reset` destroys the socket; `hang` never answers (the socket stays
 * open until the client gives up or the server shuts down); `truncate` sends the cut body as a complete
 * response (its `Content-Length` is the cut length), then closes the connection; anything else is a
 * normal response.
 */
export function deliver(
  request: IncomingMessage,
  response: ServerResponse,
  fault: TransportFaultType | undefined,
  sent: Answer | null,
  state: DeliveryState,
): void {
  const { socket } = request;
  if (fault === 'hang' && !state.closing()) {
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
  if (fault === 'truncate') response.once('finish', () => socket.destroy());
  if (fault === 'truncate' || state.closing()) headers['connection'] = 'close';
  response.writeHead(sent.status, headers);
  response.end(request.method === 'HEAD' ? undefined : sent.body);
}
