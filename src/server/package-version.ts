import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../scenario/library.js';

let version: string | undefined;

/** The enrichment-mock version, from its package.json (read once). */
export function packageVersion(): string {
  if (version === undefined) {
    const found = (
      JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown }
    ).version;
    version = typeof found === 'string' ? found : '0.0.0';
  }
  return version;
}
