/** Where the CLI writes, and how it reports the two kinds of failure. */
export interface CliIo {
  /** A line on stdout. */
  out(line: string): void;
  /** A line on stderr. */
  err(line: string): void;
  /** Bad usage (unknown flag, bad value): one line on stderr, exit code 2. */
  usageError(message: string): number;
  /** The command could not do its job (invalid scenario, cannot listen): one line on stderr, exit code 1. */
  failure(message: string): number;
}

/**
 * The CLI's io on the process streams; error lines start with `enrichment-mock:`.
 *
 * @example
 * const io = createProcessIo();
 * process.exitCode = io.usageError('Unknown option \'--prot\'.');
 */
export function createProcessIo(): CliIo {
  const err = (line: string): void => void process.stderr.write(`${line}\n`);
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err,
    usageError(message) {
      err(`enrichment-mock: ${message} Run "enrichment-mock --help" for usage.`);
      return 2;
    },
    failure(message) {
      err(`enrichment-mock: ${message}`);
      return 1;
    },
  };
}
