import { createServer, type RequestListener } from 'node:http';

/**
 * Serves a bench stub on 127.0.0.1 and a port the OS picks, prints the line the bench waits for and
 * closes on SIGTERM/SIGINT.
 */
export function listen(app: RequestListener): void {
  const server = createServer(app).listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address && typeof address === 'object') console.log(`listening on http://127.0.0.1:${address.port}`);
  });
  const shutdown = (): void => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
