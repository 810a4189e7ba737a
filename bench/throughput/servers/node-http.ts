/**
 * The physical ceiling: the same four Puffle request kinds and canned JSON as plain express
 * (bench/throughput/fixtures.ts), on `node:http` with no framework: route by hand, require a Bearer key,
 * read and parse the JSON body of a create, set X-Request-Id, `JSON.stringify`.
 *
 *   node --import tsx bench/throughput/servers/node-http.ts   # prints "listening on http://127.0.0.1:PORT"
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadFixtures } from '../fixtures.js';
import { listen } from './listen.js';

const fixtures = loadFixtures();
let requestCount = 0;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-request-id': `req_${++requestCount}`,
  });
  res.end(text);
}

/** The canned answer of a request kind, or undefined for a path none serves. */
function cannedFor(method: string, path: string): unknown {
  const parts = path.split('/');
  if (method === 'POST' && path === '/api/enrichment') return fixtures.create;
  if (parts[1] !== 'api' || parts[2] !== 'enrichment' || parts[3] === undefined) return undefined;
  if (method === 'GET' && parts.length === 4) return fixtures.poll;
  if (method === 'GET' && parts[4] === 'items') return fixtures.items;
  if (method === 'POST' && parts[4] === 'cancel') return fixtures.cancel;
  return undefined;
}

listen((req: IncomingMessage, res: ServerResponse) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    if (!req.headers.authorization?.startsWith('Bearer '))
      return send(res, 401, { code: 'unauthorized', message: 'Missing Bearer key.' });
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const canned = cannedFor(req.method ?? 'GET', query === -1 ? url : url.slice(0, query));
    if (canned === undefined) return send(res, 404, { code: 'not_found', message: 'No such route.' });
    if (chunks.length > 0) JSON.parse(Buffer.concat(chunks).toString('utf8'));
    send(res, 200, canned);
  });
});
