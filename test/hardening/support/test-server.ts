import { request as httpRequest } from 'node:http';
import type { VirtualClock } from '../../../src/core/clock.js';
import type { RunningServer } from '../../../src/server/start-server.js';
import { startTestServer } from '../../server/support/in-process-server.js';
import { parseJsonText } from '../../support/json-text.js';
import type { Send } from './fuzz-runner.js';

export interface HardeningServer extends RunningServer {
  clock: VirtualClock;
  /** Sends a request as raw as node allows: any method token, the path as given, any body bytes. */
  send: Send;
}

/**
 * The standalone server in this process on 127.0.0.1:0, with silent logs and a virtual clock, and a
 * raw HTTP sender for it (node:http: no URL normalisation, no fetch method or header rules).
 *
 * @example
 * const server = await startHardeningServer({ seed: 7, adminToken: 'secret' });
 * const outcome = await server.send({ method: 'GET', target: '/__admin/health', headers: {}, ... });
 * await server.close();
 */
export async function startHardeningServer(options: {
  seed: number;
  adminToken?: string;
  scenario?: string;
}): Promise<HardeningServer> {
  const server = await startTestServer({
    scenario: options.scenario ?? 'default',
    seed: options.seed,
    ...(options.adminToken === undefined ? {} : { adminToken: options.adminToken }),
    version: '0.0.0-hardening',
    graceMs: 500,
  });
  return { ...server, clock: server.virtual(), send: rawSender(server.port) };
}

/** Percent-encodes what node refuses in a request target (non-ASCII, spaces, controls), nothing else. */
function toRequestTarget(target: string): string {
  return target.replace(/[^\x21-\x7e]/gu, (character) => encodeURIComponent(character));
}

export function rawSender(port: number): Send {
  return (request) =>
    new Promise((resolve) => {
      const headers: Record<string, string> = { ...request.headers, connection: 'close' };
      if (request.body !== undefined) headers['content-length'] = String(request.body.byteLength);
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: request.method.toUpperCase(),
          path: toRequestTarget(request.target),
          headers,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', (error) => resolve({ kind: 'crash', error }));
          incoming.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const answerHeaders = new Headers();
            for (const [key, value] of Object.entries(incoming.headers))
              if (value !== undefined)
                answerHeaders.set(key, Array.isArray(value) ? value.join(', ') : value);
            resolve({
              kind: 'answer',
              answer: {
                status: incoming.statusCode ?? 0,
                headers: answerHeaders,
                text,
                json: parseJsonText(text),
              },
            });
          });
        },
      );
      outgoing.on('error', (error) => resolve({ kind: 'crash', error }));
      outgoing.end(request.body === undefined ? undefined : Buffer.from(request.body));
    });
}
