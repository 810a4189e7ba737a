import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadHandlers } from '../../src/cli/load-handlers.js';
import { startServer, type RunningServer } from '../../src/server/start-server.js';
import { createLogger } from '../../src/server/logger.js';
import { createScenarioRegistry } from '../../src/server/scenario-registry.js';
import { createVirtualClock } from '../../src/core/clock.js';

const dir = mkdtempSync(join(tmpdir(), 'enrichment-mock-handlers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The example's two handlers, as a plain .mjs module (what a user without TypeScript writes). */
const MODULE = `
import { http, HttpResponse } from 'msw';
export default [
  http.get('/api/enrichments', () => HttpResponse.json({ enrichments: [{ id: 'team_custom_score' }] })),
  http.get('/crm/contacts/:id', ({ params }) => HttpResponse.json({ id: params.id, name: 'Ada Lovelace' })),
];
`;

let server: RunningServer | undefined;
afterEach(async () => server?.close());

async function serveWith(files: string[]): Promise<RunningServer> {
  const loaded = await loadHandlers(files);
  if (!loaded.ok) throw new Error(loaded.message);
  const scenarios = createScenarioRegistry({ seed: 1503 });
  const selected = scenarios.select('default');
  if (!selected.ok) throw new Error(selected.message);
  return startServer({
    host: '127.0.0.1',
    port: 0,
    scenario: selected.scenario,
    scenarioSource: 'default',
    scenarios,
    clock: createVirtualClock(selected.scenario.startAtMs),
    journalLimit: 100,
    adminToken: undefined,
    logger: createLogger({ level: 'silent', format: 'json', destination: { write: () => undefined } }),
    version: '0.0.0-test',
    handlers: loaded.handlers,
  });
}

const AUTH = { authorization: 'Bearer pk_live_handlers' };

describe('serve --handlers', () => {
  it('answers with a handler that overrides a Puffle operation, and journals it', async () => {
    const file = join(dir, 'overrides.mjs');
    writeFileSync(file, MODULE);
    server = await serveWith([file]);
    const response = await fetch(`${server.url}/api/enrichments`, { headers: AUTH });
    expect(await response.json()).toStrictEqual({ enrichments: [{ id: 'team_custom_score' }] });
    expect(server.runtime.journal.entries().at(-1)).toMatchObject({
      vendor: 'puffle',
      request: { method: 'GET', path: '/api/enrichments' },
      response: { status: 200, body: { enrichments: [{ id: 'team_custom_score' }] } },
    });
  });

  it('answers an API the mock does not know, and journals it as unknown', async () => {
    const file = join(dir, 'crm.mjs');
    writeFileSync(file, MODULE);
    server = await serveWith([file]);
    const response = await fetch(`${server.url}/crm/contacts/c_1`);
    expect(await response.json()).toStrictEqual({ id: 'c_1', name: 'Ada Lovelace' });
    expect(server.runtime.journal.entries().at(-1)).toMatchObject({
      vendor: 'unknown',
      request: { path: '/crm/contacts/c_1' },
      response: { status: 200 },
    });
  });

  it('lets every other request fall through to the vendors', async () => {
    const file = join(dir, 'fall-through.mjs');
    writeFileSync(file, MODULE);
    server = await serveWith([file]);
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
    const file = join(dir, 'wrong.mjs');
    writeFileSync(file, 'export default { handlers: [] };');
    expect(await loadHandlers([file])).toStrictEqual({
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
