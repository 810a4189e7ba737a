import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadHandlers } from '../../src/cli/load-handlers.js';
import { writeTempFiles } from '../support/temp-files.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';

/** The example's two handlers, as a plain .mjs module (what a user without TypeScript writes). */
const MODULE = `
import { http, HttpResponse } from 'msw';
export default [
  http.get('/api/enrichments', () => HttpResponse.json({ enrichments: [{ id: 'team_custom_score' }] })),
  http.get('/crm/contacts/:id', ({ params }) => HttpResponse.json({ id: params.id, name: 'Ada Lovelace' })),
];
`;

/** One module per test (each imported afresh), and one whose default export is wrong. */
const dir = writeTempFiles({
  'overrides.mjs': MODULE,
  'crm.mjs': MODULE,
  'fall-through.mjs': MODULE,
  'wrong.mjs': 'export default { handlers: [] };',
});

let server: TestServer | undefined;
afterEach(async () => server?.close());

async function serveWith(files: string[]): Promise<TestServer> {
  const loaded = await loadHandlers(files);
  if (!loaded.ok) throw new Error(loaded.message);
  return startTestServer({ seed: 1503, journalLimit: 100, handlers: loaded.handlers });
}

const AUTH = { authorization: 'Bearer pk_live_handlers' };

describe('serve --handlers', () => {
  it('answers with a handler that overrides a Puffle operation, and journals it', async () => {
    server = await serveWith([join(dir, 'overrides.mjs')]);
    const response = await fetch(`${server.url}/api/enrichments`, { headers: AUTH });
    expect(await response.json()).toStrictEqual({ enrichments: [{ id: 'team_custom_score' }] });
    expect(server.runtime.journal.entries().at(-1)).toMatchObject({
      vendor: 'puffle',
      request: { method: 'GET', path: '/api/enrichments' },
      response: { status: 200, body: { enrichments: [{ id: 'team_custom_score' }] } },
    });
  });

  it('answers an API the mock does not know, and journals it as unknown', async () => {
    server = await serveWith([join(dir, 'crm.mjs')]);
    const response = await fetch(`${server.url}/crm/contacts/c_1`);
    expect(await response.json()).toStrictEqual({ id: 'c_1', name: 'Ada Lovelace' });
    expect(server.runtime.journal.entries().at(-1)).toMatchObject({
      vendor: 'unknown',
      request: { path: '/crm/contacts/c_1' },
      response: { status: 200 },
    });
  });

  it('lets every other request fall through to the vendors', async () => {
    server = await serveWith([join(dir, 'fall-through.mjs')]);
    const run = await fetch(`${server.url}/api/enrichment/missing`, { headers: AUTH });
    expect(run.status).toBe(404);
    const unknown = await fetch(`${server.url}/crm/companies`);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    expect(server.runtime.journal.entries().map((entry) => entry.vendor)).toStrictEqual([
      'puffle',
      'unknown',
    ]);
  });

  it('loads the TypeScript example under tsx', async () => {
    const loaded = await loadHandlers(['examples/handlers/overrides.ts']);
    expect(loaded.ok && loaded.handlers.length).toBe(2);
  });

  it('refuses a module whose default export is not an array of handlers', async () => {
    expect(await loadHandlers([join(dir, 'wrong.mjs')])).toStrictEqual({
      ok: false,
      message: expect.stringMatching(
        /^Cannot use --handlers .*wrong\.mjs: its default export must be an array/,
      ),
    });
  });

  it('says how to load a module that cannot be imported', async () => {
    expect(await loadHandlers([join(dir, 'missing.ts')])).toStrictEqual({
      ok: false,
      message: expect.stringMatching(/^Cannot load --handlers .*missing\.ts: .*tsx/),
    });
  });
});
