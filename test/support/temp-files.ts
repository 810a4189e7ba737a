import { afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const written: string[] = [];
// Registered in the root suite of every test file that imports this module.
afterAll(() => {
  for (const dir of written.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Writes files (scenarios, handler modules...) into a fresh temporary directory, removed after the test
 * file, and returns the directory. `writeTempFiles({})` gives an empty one for files a test writes later.
 *
 * @example
 * const dir = writeTempFiles({ 'base.yaml': lines('extends: default', 'description: Base.') });
 */
export function writeTempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'enrichment-mock-test-'));
  written.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/**
 * Writes one file into a fresh temporary directory (removed after the test file) and returns its path.
 *
 * @example
 * await startTestServer({ scenario: writeTempFile('faults.yaml', 'extends: default\n') });
 */
export const writeTempFile = (name: string, text: string): string =>
  join(writeTempFiles({ [name]: text }), name);

/** Joins lines into a file's text, with the final newline. */
export const lines = (...text: string[]): string => `${text.join('\n')}\n`;
