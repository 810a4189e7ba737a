/**
 * Child processes of the bench: every server runs in its own process group, is tracked here and is
 * killed when the bench ends, fails, times out or gets SIGINT/SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cliEnvironment } from '../../test/support/cli-environment.js';

const OUTPUT_KEEP = 64 * 1024;

/** A server process started by the bench. */
export interface ToolProcess {
  readonly name: string;
  readonly pid: number;
  /** Resolves with the first match of `pattern` in the child's stdout+stderr; rejects if it exits first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** The last 64 KiB the child printed, for error messages. */
  output(): string;
  /** How the child ended (`code 1`, `signal SIGKILL`), or undefined while it runs. */
  exitStatus(): string | undefined;
  /** Sends `signal` to the process group, waits up to `graceMs` for exit, then SIGKILLs it. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Starts `command args` in a new process group with stdout/stderr captured (and always drained, so a
 * chatty server never blocks on a full pipe).
 */
export function startProcess(name: string, command: string, args: string[]): ToolProcess {
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A developer's ENRICHMENT_MOCK_* settings must not change what the bench measures.
    env: cliEnvironment(),
  });
  if (child.pid === undefined)
    throw new Error(`Failed to start ${name}: spawn of "${command}" returned no pid.`);
  live.add(child);
  let text = '';
  let exited: string | undefined;
  const watchers = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    text = (text + chunk.toString('utf8')).slice(-OUTPUT_KEEP);
    for (const watcher of watchers) watcher();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = signal ? `signal ${signal}` : `code ${code}`;
      live.delete(child);
      for (const watcher of watchers) watcher();
      resolve();
    });
  });
  child.once('error', (error) => {
    exited = `spawn error: ${error.message}`;
    live.delete(child);
    for (const watcher of watchers) watcher();
  });

  return {
    name,
    pid: child.pid,
    output: () => text,
    exitStatus: () => exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const match = text.match(pattern);
          if (match) return finish(() => resolve(match));
          if (exited !== undefined)
            return finish(() =>
              reject(
                new Error(
                  `${name} exited (${exited}) before printing ${pattern}. Its output:\n${tail(text)}`,
                ),
              ),
            );
        };
        const timer = setTimeout(
          () =>
            finish(() =>
              reject(
                new Error(
                  `${name} did not print ${pattern} within ${timeoutMs} ms. Its output:\n${tail(text)}`,
                ),
              ),
            ),
          timeoutMs,
        );
        const finish = (settle: () => void): void => {
          clearTimeout(timer);
          watchers.delete(check);
          settle();
        };
        watchers.add(check);
        check();
      });
    },
    async stop(signal = 'SIGTERM', graceMs = 5_000) {
      if (exited !== undefined) return;
      killGroup(child, signal);
      const timer = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), graceMs).unref(),
      );
      if ((await Promise.race([exitPromise, timer])) === 'timeout') {
        killGroup(child, 'SIGKILL');
        await exitPromise;
      } else {
        // the leader is gone; make sure nothing it started outlives it
        killGroup(child, 'SIGKILL');
      }
    },
  };
}

function tail(text: string, lines = 40): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n') || '(nothing)';
}

/** SIGKILLs every child still alive; synchronous so it can run in an `exit` handler. */
export function killAllNow(): void {
  for (const child of live) killGroup(child, 'SIGKILL');
  live.clear();
}

/**
 * Makes sure no server outlives the bench: on normal exit, on SIGINT/SIGTERM/SIGHUP, on an uncaught error,
 * and when `deadlineMs` passes (the bench then stops itself with exit code 124).
 */
export function installCleanup(deadlineMs: number): void {
  let cleaned = false;
  const cleanup = (): void => {
    if (cleaned) return;
    cleaned = true;
    killAllNow();
  };
  process.on('exit', cleanup);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      console.error(`\nbench: got ${signal}, killing ${live.size} server process(es)`);
      cleanup();
      process.exit(130);
    });
  }
  process.on('uncaughtException', (error) => {
    console.error('bench: uncaught error:', error);
    cleanup();
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    console.error('bench: unhandled rejection:', error);
    cleanup();
    process.exit(1);
  });
  setTimeout(() => {
    console.error(`bench: still running after the ${Math.round(deadlineMs / 1000)} s limit; giving up.`);
    cleanup();
    process.exit(124);
  }, deadlineMs).unref();
}

/** A port the OS just handed out on 127.0.0.1 (for tools that cannot report the port they bound). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Failed to pick a free port: the probe server has no address.'));
      });
    });
  });
}

/**
 * CPU seconds (user + system, all threads) that process `pid` has used so far, from /proc; undefined
 * where /proc is not available. Assumes USER_HZ = 100, as on every Linux kernel configuration in use.
 */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the parenthesised command name, which may itself contain spaces
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
