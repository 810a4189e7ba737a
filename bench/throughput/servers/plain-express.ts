/**
 * The ceiling: a hand-written express 5 stub that answers the four Puffle request kinds with the spec's
 * canned JSON (bench/throughput/fixtures.ts). It does what any stub must -- route, require a Bearer key,
 * parse the JSON body of a create, set X-Request-Id, serialise with `res.json` -- and nothing else.
 *
 *   node --import tsx bench/throughput/servers/plain-express.ts   # prints "listening on http://127.0.0.1:PORT"
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { loadFixtures } from '../fixtures.js';
import { listen } from './listen.js';

const fixtures = loadFixtures();
const app = express();
app.disable('x-powered-by');
let requestCount = 0;

app.use('/api', (req: Request, res: Response, next: NextFunction) => {
  res.setHeader('X-Request-Id', `req_${++requestCount}`);
  if (!req.headers.authorization?.startsWith('Bearer ')) {
    res.status(401).json({ code: 'unauthorized', message: 'Missing Bearer key.' });
    return;
  }
  next();
});
app.post('/api/enrichment', express.json(), (_req, res) => {
  res.json(fixtures.create);
});
app.get('/api/enrichment/:id', (_req, res) => {
  res.json(fixtures.poll);
});
app.get('/api/enrichment/:id/items', (_req, res) => {
  res.json(fixtures.items);
});
app.post('/api/enrichment/:id/cancel', (_req, res) => {
  res.json(fixtures.cancel);
});

listen(app);
