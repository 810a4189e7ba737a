import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliEnvironment } from '../support/cli-environment.js';
import { CHILD_PROCESS_TIMEOUT, ROOT } from '../server/support/cli-process.js';

/** Runs `node bin/enrichment-mock.js ...args` in `cwd` to completion. */
function runBin(
  cwd: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(cwd, 'bin/enrichment-mock.js'), ...args],
      { cwd, env: cliEnvironment() },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

describe(
  'bin/enrichment-mock.js in a clone after npm ci, with no build',
  { timeout: CHILD_PROCESS_TIMEOUT },
  () => {
    let clone: string;
    beforeAll(() => {
      // What a clone has after `npm ci`: the tracked sources and node_modules, and no dist/.
      clone = mkdtempSync(join(tmpdir(), 'enrichment-mock-clone-'));
      for (const entry of ['bin', 'src', 'openapi', 'scenarios', 'package.json'])
        cpSync(join(ROOT, entry), join(clone, entry), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'junction');
    });
    afterAll(() => rmSync(clone, { recursive: true, force: true }));

    it('answers --help and --version', async () => {
      expect(existsSync(join(clone, 'dist'))).toBe(false);
      const help = await runBin(clone, ['--help']);
      expect(help).toMatchObject({ code: 0, stderr: '' });
      expect(help.stdout).toMatch(/^enrichment-mock: a mock of the Puffle, Sendkit and Exa Websets/);
      const version = await runBin(clone, ['--version']);
      expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    });

    it('validates a scenario file', async () => {
      const result = await runBin(clone, ['validate', 'scenarios/default.yaml']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(/^scenarios\/default\.yaml: ok: scenario "default"/);
    });

    it('runs replay (here: refusing a missing HAR file in one line)', async () => {
      const result = await runBin(clone, ['replay', 'missing.har']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^enrichment-mock: Cannot read missing\.har: ENOENT/);
    });
  },
);

/** Whether something accepts connections on 127.0.0.1:port. */
const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** Whether any process of the group led by `pid` is still alive. */
const groupAlive = (pid: number): boolean => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(process.platform === 'win32')('npm start', { timeout: CHILD_PROCESS_TIMEOUT }, () => {
  let npm: ChildProcess | undefined;
  afterEach(() => {
    // Whatever a failed test left behind, the whole group goes.
    if (npm?.pid !== undefined && groupAlive(npm.pid)) process.kill(-npm.pid, 'SIGKILL');
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops gracefully on %s to the npm process: the port is freed and no child remains',
    async (signal) => {
      // Its own process group, so that the test can tell whether any child outlives npm.
      const child = spawn('npm', ['start'], {
        cwd: ROOT,
        env: cliEnvironment({ ENRICHMENT_MOCK_PORT: '0' }),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      npm = child;
      let out = '';
      child.stdout.setEncoding('utf8');
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          out += chunk;
          const found = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
          if (found !== undefined) resolve(Number(found));
        });
        child.once('exit', (code) =>
          reject(new Error(`npm start exited (${code}) before listening:\n${out}`)),
        );
      });
      expect(await accepts(port)).toBe(true);

      const signalled = performance.now();
      const exited = new Promise<void>((resolve, reject) => {
        const late = setTimeout(
          () => reject(new Error(`npm start still runs 10 s after ${signal}:\n${out}`)),
          10_000,
        );
        child.once('exit', () => {
          clearTimeout(late);
          resolve();
        });
      });
      child.kill(signal);
      await exited;
      expect(performance.now() - signalled).toBeLessThan(5_000);
      await expect.poll(() => groupAlive(child.pid ?? 0), { timeout: 2_000 }).toBe(false);
      expect(await accepts(port)).toBe(false);
      expect(out).toMatch(/"msg":"stopped"/);
    },
  );
});
