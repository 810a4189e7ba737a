import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cliEnvironment } from '../../support/cli-environment.js';

/** The repository root: the CLI runs from there, as `npm start` does. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Time a test or hook that starts the CLI may take: loading the mock under tsx is slow on a busy machine. */
export const CHILD_PROCESS_TIMEOUT = 60_000;

const running = new Set<ChildProcess>();

/** A CLI child process with its output so far. */
export interface CliProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (null when killed by a signal) once the process has exited. */
  exited: Promise<number | null>;
  /**
   * Resolves with the `occurrence`-th (default first) stdout line matching `pattern`, waiting for it;
   * rejects if the process exits first.
   */
  waitForLine(pattern: RegExp, occurrence?: number): Promise<string>;
}

/**
 * Starts `node --import tsx src/cli/main.ts ...args`, the real CLI, as a child process. Every process
 * started here is remembered until `killAll` (call it in afterEach/afterAll).
 *
 * @example
 * const cli = spawnCli(['serve', '--port', '0', '--clock', 'virtual']);
 * await cli.waitForLine(/listening on/);
 */
export function spawnCli(args: string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: cliEnvironment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  const waiters: {
    pattern: RegExp;
    occurrence: number;
    resolve: (line: string) => void;
    reject: (error: Error) => void;
  }[] = [];
  const check = (): void => {
    for (const waiter of [...waiters]) {
      const line = out.split('\n').filter((candidate) => waiter.pattern.test(candidate))[
        waiter.occurrence - 1
      ];
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    check();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      running.delete(child);
      // Let the last output arrive before failing whoever still waits.
      setImmediate(() => {
        check();
        for (const waiter of waiters.splice(0))
          waiter.reject(
            new Error(
              `The CLI exited (code ${code}) before printing ${waiter.pattern}.\nstdout:\n${out}\nstderr:\n${err}`,
            ),
          );
        resolve(code);
      });
    });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLine: (pattern, occurrence = 1) =>
      new Promise((resolve, reject) => {
        waiters.push({ pattern, occurrence, resolve, reject });
        check();
      }),
  };
}

/** Runs a CLI command to completion. */
export async function runCliCommand(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = spawnCli(args, env);
  const code = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

/** A started `serve` process and the URL it listens on. */
export interface ServeProcess extends CliProcess {
  url: string;
}

/** Starts `serve` on 127.0.0.1, port 0, and waits for its listening line. */
export async function startServe(args: string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const cli = spawnCli(['serve', '--host', '127.0.0.1', '--port', '0', ...args], env);
  const line = await cli.waitForLine(/listening on http:\/\//);
  const url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
  if (url === undefined) throw new Error(`No URL in the listening line: ${line}`);
  return { ...cli, url };
}

/** Kills every CLI process still running (SIGKILL) and waits for them to go. */
export async function killAll(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}
