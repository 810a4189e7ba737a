import { readFileSync } from 'node:fs';
import type { RecordedSession } from '../server/replay/read-har.js';
import type { CliIo } from './cli-io.js';

/**
 * Reads a HAR file into a recorded session, or reports on `io` why it cannot (and returns the exit code, 1).
 * The reader loads only now, so that bad usage fails fast.
 *
 * @example
 * const read = await readHarFile('session.har', io);
 * if (typeof read === 'number') return read;
 */
export async function readHarFile(file: string, io: CliIo): Promise<RecordedSession | number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return io.failure(`Cannot read ${file}: ${(error as Error).message}.`);
  }
  const { readHar } = await import('../server/replay/read-har.js');
  const read = readHar(text);
  return read.ok ? read.session : io.failure(`${file} is ${read.message}`);
}
