import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHILD_PROCESS_TIMEOUT, killAll, startServe } from '../server/support/cli-process.js';
import { writeTempFiles } from '../support/temp-files.js';
import { checkJunit, junitFailures } from './support/junit-schema.js';
import {
  API_KEY,
  CARELESS_ERRORS,
  CARELESS_SCENARIO,
  carelessFlow,
  errorRules,
  serverFlowIo,
} from './support/puffle-flows.js';

/** Where the reports are written. */
const dir = writeTempFiles({});
afterEach(killAll);

describe('enrichment-mock serve --report FILE', () => {
  it(
    'writes the careless client’s error findings as JUnit (.xml) and JSON (.json) when the server stops',
    async () => {
      for (const file of [join(dir, 'conformance.xml'), join(dir, 'conformance.json')]) {
        const server = await startServe([
          '--clock',
          'virtual',
          '--scenario',
          CARELESS_SCENARIO,
          '--seed',
          '1721',
          '--report',
          file,
        ]);
        await carelessFlow(serverFlowIo(server.url));
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
        const written = readFileSync(file, 'utf8');
        if (file.endsWith('.xml')) {
          const failures = junitFailures(await checkJunit(written));
          for (const rule of CARELESS_ERRORS) expect(failures).toContain(`error ${rule} [${API_KEY}]`);
        } else {
          expect(errorRules(JSON.parse(written))).toEqual(CARELESS_ERRORS);
        }
      }
    },
    2 * CHILD_PROCESS_TIMEOUT,
  );
});
