import { packageVersion } from '../server/package-version.js';
import type { CliIo } from './cli-io.js';
import { HELP } from './help.js';
import { runReplay } from './replay-command.js';
import { runReport } from './report-command.js';
import { runServe } from './serve-command.js';

/**
 * Runs one command line (`process.argv.slice(2)`) and resolves with the exit code.
 *
 * @example
 * process.exitCode = await runCli(['validate', 'scenarios/default.yaml'], process.env, createProcessIo());
 */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve':
      return runServe(args, env, io);
    case 'validate': {
      if (args.length !== 1 || args[0]?.startsWith('-'))
        return io.usageError(
          'validate takes exactly one scenario file (or built-in name): enrichment-mock validate FILE.',
        );
      const { runValidate } = await import('../scenario/validate-command.js');
      const { exitCode, output } = runValidate(args[0] as string);
      if (exitCode === 0) io.out(output);
      else io.err(output);
      return exitCode;
    }
    case 'replay':
      return runReplay(args, io);
    case 'report':
      return runReport(args, io);
    case '--help':
    case '-h':
    case 'help':
      io.out(HELP);
      return 0;
    case '--version':
    case '-v':
      io.out(packageVersion());
      return 0;
    case undefined:
      return io.usageError('Missing command: use serve, validate, replay or report.');
    default:
      return io.usageError(`Unknown command "${command}": use serve, validate, replay or report.`);
  }
}
