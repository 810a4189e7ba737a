import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHILD_PROCESS_TIMEOUT, killAll, startServe } from '../server/support/cli-process.js';
import { checkJunit, junitFailures } from './support/junit-schema.js';
import {
  API_KEY,
  CARELESS_ERRORS,
  CARELESS_SCENARIO,
  carelessFlow,
  type FlowIo,
} from './support/puffle-flows.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'enrichment-mock-serve-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
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
        const io: FlowIo = {
          baseUrl: server.url,
          fetch: (url, init) => fetch(url, init),
          sleep: async (ms) => {
            await fetch(`${server.url}/__admin/clock/advance`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ ms }),
            });
          },
        };
        await carelessFlow(io);
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
        const written = readFileSync(file, 'utf8');
        if (file.endsWith('.xml')) {
          const failures = junitFailures(await checkJunit(written));
          for (const rule of CARELESS_ERRORS) expect(failures).toContain(`error ${rule} [${API_KEY}]`);
        } else {
          const rules = (JSON.parse(written) as { findings: { rule: string; severity: string }[] }).findings
            .filter((finding) => finding.severity === 'error')
            .map((finding) => finding.rule);
          expect([...new Set(rules)].sort()).toEqual(CARELESS_ERRORS);
        }
      }
    },
    2 * CHILD_PROCESS_TIMEOUT,
  );
});
