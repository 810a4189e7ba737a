import type { CliIo } from './cli-io.js';
import { HELP } from './help.js';
import { parseServeOptions } from './serve-options.js';

/**
 * `enrichment-mock serve`: parses flags and environment, then (only then: a bad flag fails fast, before
 * the mock is loaded) starts the server with `launchServer`. Resolves with the exit code once the server
 * has stopped, or at once when it could not start.
 *
 * @example
 * process.exitCode = await runServe(['--port', '0'], process.env, io);
 */
export async function runServe(args: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const parsed = parseServeOptions(args, env);
  if (!parsed.ok) return io.usageError(parsed.message);
  if (parsed.help) {
    io.out(HELP);
    return 0;
  }
  const { launchServer } = await import('./launch-server.js');
  return launchServer(parsed.value, io);
}
