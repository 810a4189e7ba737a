#!/usr/bin/env node
// The `enrichment-mock` executable. In a clone (src/ is there) it runs the TypeScript source through tsx,
// a devDependency that `npm ci` installs, so no build step is needed and the source is never stale. The
// installed package ships no src/: it runs the compiled dist/ and never loads tsx.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);

if (existsSync(source)) {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch (error) {
    process.stderr.write(
      `enrichment-mock: Cannot run the CLI from this clone: tsx (a devDependency) cannot be loaded (${error instanceof Error ? error.message : String(error)}). Run "npm ci" in the clone first.\n`,
    );
    process.exit(1);
  }
  register();
  await import(source.href);
} else {
  await import('../dist/cli/main.js');
}
