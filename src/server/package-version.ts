import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../scenario/library.js';

let version: string | undefined;

/** The enrichment-mock version, from its package.json (read once). */
export function packageVersion(): string {
  version ??= String(
    (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown })
      .version ?? '0.0.0',
  );
  return version;
}
