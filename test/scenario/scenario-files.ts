import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes scenario files into a fresh temporary directory and returns it. */
export function writeScenarioFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'enrichment-mock-scenario-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Joins lines into a file's text, with the final newline. */
export const lines = (...text: string[]): string => `${text.join('\n')}\n`;
