import { afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const written: string[] = [];
// Registered in the root suite of every test file that imports this module.
afterAll(() => {
  for (const dir of written.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes scenario files into a fresh temporary directory (removed after the test file) and returns it. */
export function writeScenarioFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'enrichment-mock-scenario-'));
  written.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Joins lines into a file's text, with the final newline. */
export const lines = (...text: string[]): string => `${text.join('\n')}\n`;
