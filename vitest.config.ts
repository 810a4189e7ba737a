import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/** Tests that talk to a server over a socket, in this process (port 0): the control API, routing, fuzzing. */
const HTTP = ['test/server/**/*.test.ts', 'test/hardening/**/*.test.ts'];
/** Tests that start the CLI as a child process, or drive a browser. */
const E2E = ['test/**/*.e2e.test.ts', 'test/dashboard/**/*.test.ts'];
/** Tests of the packed tarball, installed as a user would. */
const PACKAGE = ['test/package/**/*.test.ts'];

/**
 * The in-process projects load the mock's modules once per worker, not once per test file: importing them
 * again for every file (OpenAPI documents, compiled validators, faker) was most of these projects' time.
 * Safe because the mock keeps no state in modules (only caches of pure compilations), no test mocks a module
 * or stubs a global (the msw examples' `server.close()` restores `fetch`), and every test builds its own
 * mock, server and clock. A test that must patch a module or a global belongs in a project that isolates.
 */
const SHARED_MODULES = { isolate: false };

/**
 * Four projects; `npm test` (`vitest run`) runs them all, `npm run test:<name>` one of them (README).
 * `unit` takes every test no other project claims, so a new folder is never left out.
 */
export default defineConfig({
  resolve: {
    // examples/ import the package by name, as a user would; in the repo that name is the source.
    alias: [
      { find: /^enrichment-mock$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...HTTP, ...E2E, ...PACKAGE],
          ...SHARED_MODULES,
        },
      },
      {
        extends: true,
        test: {
          name: 'http',
          include: HTTP,
          exclude: [...configDefaults.exclude, ...E2E],
          ...SHARED_MODULES,
        },
      },
      { extends: true, test: { name: 'e2e', include: E2E } },
      { extends: true, test: { name: 'package', include: PACKAGE } },
    ],
  },
});
