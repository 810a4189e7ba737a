import type { CliIo } from '../../../src/cli/cli-io.js';

/** A CLI io that keeps what the command writes, with the exit codes of the real one. */
export function captureIo(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (line) => void (out += `${line}\n`),
    err: (line) => void (err += `${line}\n`),
    usageError(message) {
      err += `enrichment-mock: ${message}\n`;
      return 2;
    },
    failure(message) {
      err += `enrichment-mock: ${message}\n`;
      return 1;
    },
    stdout: () => out,
    stderr: () => err,
  };
}
