import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHILD_PROCESS_TIMEOUT, killAll, runCliCommand } from '../server/support/cli-process.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'enrichment-mock-cli-e2e-'));
});
afterEach(killAll);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The process wrote exactly one line on stderr and nothing on stdout. */
function expectOneErrorLine(result: { stdout: string; stderr: string }, message: RegExp): void {
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(message);
}

describe(
  'enrichment-mock serve refuses to start, in one line on stderr, before listening',
  { timeout: CHILD_PROCESS_TIMEOUT },
  () => {
    it('exits 2 on a bad flag', async () => {
      const result = await runCliCommand(['serve', '--port', '0', '--clock', 'sometimes']);
      expect(result.code).toBe(2);
      expectOneErrorLine(result, /^enrichment-mock: --clock must be "real" or "virtual", got "sometimes"\./);
    });

    it('exits 2 on a bad environment variable', async () => {
      const result = await runCliCommand(['serve'], { ENRICHMENT_MOCK_LOG_LEVEL: 'chatty' });
      expect(result.code).toBe(2);
      expectOneErrorLine(result, /ENRICHMENT_MOCK_LOG_LEVEL must be one of/);
    });

    it('exits 1 on an unreadable scenario file', async () => {
      const result = await runCliCommand(['serve', '--port', '0', '--scenario', join(dir, 'missing.yaml')]);
      expect(result.code).toBe(1);
      expectOneErrorLine(result, /^enrichment-mock: Cannot read scenario file ".*missing\.yaml": ENOENT/);
    });

    it('exits 1 on an invalid scenario file, naming its problems', async () => {
      const file = join(dir, 'invalid.yaml');
      writeFileSync(file, 'extends: default\ndescription: Invalid.\nworld:\n  defaults:\n    credits: -1\n');
      const result = await runCliCommand(['serve', '--port', '0', '--scenario', file]);
      expect(result.code).toBe(1);
      expectOneErrorLine(
        result,
        /^enrichment-mock: Scenario ".*invalid\.yaml" is invalid: .*world\.defaults\.credits/,
      );
    });
  },
);
