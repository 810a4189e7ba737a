import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got, exactly as it arrived. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON freely
  json: any;
  /** The mock's clock when the request arrived (`options.now`), else null. */
  clockAt: number | null;
}

/** How the receiver answers one request: a status (and body), or no answer at all (`hang`). */
export type Answer = { status: number; body?: string } | 'hang';
export type Respond = (received: Received, index: number) => Answer | Promise<Answer>;

/**
 * A webhook receiver on 127.0.0.1, port 0: records every request and answers with `respond` (default
 * 200 `{"received":true}`). `waitFor(n)` resolves once n requests arrived (for a real clock). `now`
 * reads the mock's clock at each arrival.
 */
export async function startReceiver(respond?: Respond, options: { now?: () => number } = {}) {
  const received: Received[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let answer: Respond = respond ?? (() => ({ status: 200, body: '{"received":true}' }));
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    const receive = async (): Promise<void> => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        json = undefined;
      }
      const entry: Received = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        rawBody,
        json,
        clockAt: options.now ? options.now() : null,
      };
      received.push(entry);
      const answered = await answer(entry, received.length - 1);
      if (answered !== 'hang') {
        response.writeHead(answered.status, { 'content-type': 'application/json' });
        response.end(answered.body ?? '{"received":true}');
      }
      for (const waiter of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    };
    request.on('end', () => {
      receive().catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ error: error instanceof Error ? error.message : 'The receiver failed.' }),
        );
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/exa`,
    received,
    /** Changes how later requests are answered. */
    answerWith(next: Respond): void {
      answer = next;
    },
    waitFor(count: number): Promise<void> {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: (): Promise<void> =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
