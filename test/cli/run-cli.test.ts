import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { captureIo } from './support/capture-io.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'enrichment-mock-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (argv: string[]) => {
  const io = captureIo();
  const code = await runCli(argv, {}, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
};

describe('enrichment-mock commands', () => {
  it.each([['--help'], ['-h'], ['help'], ['serve', '--help'], ['replay', '--help']])(
    'prints the help for %s',
    async (...argv) => {
      const { code, stdout } = await run(argv);
      expect(code).toBe(0);
      expect(stdout).toContain('enrichment-mock serve [flags]');
      expect(stdout).toContain('ENRICHMENT_MOCK_JOURNAL_LIMIT');
    },
  );

  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([
    [[], /Missing command/],
    [['start'], /Unknown command "start"/],
    [['validate'], /validate takes exactly one scenario file/],
    [['replay'], /replay takes exactly one HAR file/],
    [['replay', 'a.har', '--seed', 'x'], /--seed must be a whole number/],
    [['replay', 'a.har', '--sede', '1'], /Unknown option '--sede' \(did you mean --seed\?\)/],
  ])('answers bad usage %j with exit code 2 and one line', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('validates a scenario: ok on stdout, problems on stderr with exit code 1', async () => {
    const valid = await run(['validate', 'default']);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/ok: scenario "default"/);
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'extends: default\ndescription: Broken.\ntiming:\n  default:\n    concurrency: 0\n');
    const invalid = await run(['validate', file]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('timing.default.concurrency');
  });

  it('fails a replay of a file that is missing or not a HAR with exit code 1', async () => {
    expect((await run(['replay', join(dir, 'missing.har')])).stderr).toMatch(/Cannot read .*missing\.har/);
    const file = join(dir, 'not.har');
    writeFileSync(file, '{"hello":1}');
    const notHar = await run(['replay', file]);
    expect(notHar.code).toBe(1);
    expect(notHar.stderr).toMatch(/not a HAR file: it has no log\.entries array/);
  });
});
