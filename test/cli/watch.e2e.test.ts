import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CHILD_PROCESS_TIMEOUT, killAll, startServe } from '../server/support/cli-process.js';
import { writeTempFile } from '../support/temp-files.js';

const scenarioFile = (credits: number): string =>
  `extends: default\ndescription: Watched.\nworld:\n  defaults:\n    credits: ${credits}\n`;

describe('serve --watch', { timeout: CHILD_PROCESS_TIMEOUT }, () => {
  afterAll(killAll);

  it('re-reads an edited scenario file, and keeps the last good version of a broken edit', async () => {
    const file = writeTempFile('watched.yaml', scenarioFile(500));
    const server = await startServe(['--clock', 'virtual', '--watch', '--scenario', file]);
    const credits = async (): Promise<number> => {
      const response = await fetch(`${server.url}/__admin/tenants/pk_live_watch`);
      return ((await response.json()) as { credits: number }).credits;
    };
    expect(await credits()).toBe(500);

    writeFileSync(file, scenarioFile(600));
    await server.waitForLine(/reloaded from/);
    expect(await credits()).toBe(600);

    writeFileSync(
      file,
      `${scenarioFile(700)}timing:\n  default:\n    concurrency: 0\n    queueWait: { uniform: [3s, 1s] }\n`,
    );
    const warning = await server.waitForLine(/not reloaded/);
    expect(warning).toContain('2 problems');
    expect(warning).toContain('timing.default.concurrency: must be between 1 and 100000 (got 0)');
    expect(warning).toContain('timing.default.queueWait.uniform: min (3s) is greater than max (1s)');
    expect(await credits()).toBe(600);

    writeFileSync(file, scenarioFile(800));
    await server.waitForLine(/reloaded from/, 2);
    expect(await credits()).toBe(800);
  });

  it('re-reads an edited file that is loaded but not active: requests that pick it get the new version', async () => {
    const file = writeTempFile('picked.yaml', `name: picked\n${scenarioFile(300)}`);
    const server = await startServe(['--clock', 'virtual', '--watch']);
    const select = (name: string) =>
      fetch(`${server.url}/__admin/scenario`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      });
    expect((await select(file)).status).toBe(200);
    expect((await select('default')).status).toBe(200);
    const credits = async (): Promise<number> => {
      const response = await fetch(`${server.url}/__admin/tenants/pk_live_watch?scenario=picked`);
      return ((await response.json()) as { credits: number }).credits;
    };
    expect(await credits()).toBe(300);

    writeFileSync(file, `name: picked\n${scenarioFile(400)}`);
    await server.waitForLine(/reloaded from/);
    expect(await credits()).toBe(400);
  });
});
