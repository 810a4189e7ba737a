import { describe, expect, it } from 'vitest';
import { isLoopback, parseServeOptions, type ServeOptions } from '../../src/cli/serve-options.js';

const DEFAULTS: ServeOptions = {
  host: '127.0.0.1',
  port: 4010,
  scenario: 'default',
  seed: undefined,
  clock: 'real',
  speed: 1,
  journalLimit: 10_000,
  adminToken: undefined,
  logLevel: 'info',
  watch: false,
  logFormat: undefined,
  handlers: [],
  report: undefined,
};

const options = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const parsed = parseServeOptions(args, env);
  if (!parsed.ok || parsed.help) throw new Error(`expected options, got ${JSON.stringify(parsed)}`);
  return parsed.value;
};
const problem = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const parsed = parseServeOptions(args, env);
  if (parsed.ok) throw new Error(`expected a problem, got ${JSON.stringify(parsed)}`);
  return parsed.message;
};

describe('parseServeOptions', () => {
  it('defaults to 127.0.0.1:4010, the default scenario, a real clock and info logs', () => {
    expect(options([])).toEqual(DEFAULTS);
  });

  it('reads every flag', () => {
    const args = [
      '--port',
      '0',
      '--host',
      'localhost',
      '--scenario',
      './my.yaml',
      '--seed',
      '7',
      '--clock',
      'real',
      '--speed',
      '2.5',
      '--journal-limit',
      '50',
      '--admin-token',
      't',
      '--log-level',
      'debug',
      '--watch',
      '--log-format',
      'json',
    ];
    expect(options(args)).toEqual({
      host: 'localhost',
      port: 0,
      scenario: './my.yaml',
      seed: 7,
      clock: 'real',
      speed: 2.5,
      journalLimit: 50,
      adminToken: 't',
      logLevel: 'debug',
      watch: true,
      logFormat: 'json',
      handlers: [],
      report: undefined,
    });
  });

  it('reads every environment variable, and a flag wins over its variable', () => {
    const env = {
      ENRICHMENT_MOCK_PORT: '5000',
      ENRICHMENT_MOCK_HOST: '0.0.0.0',
      ENRICHMENT_MOCK_SCENARIO: 'flaky-network',
      ENRICHMENT_MOCK_SEED: '3',
      ENRICHMENT_MOCK_CLOCK: 'virtual',
      ENRICHMENT_MOCK_JOURNAL_LIMIT: '9',
      ENRICHMENT_MOCK_ADMIN_TOKEN: 'secret',
      ENRICHMENT_MOCK_LOG_LEVEL: 'warn',
      ENRICHMENT_MOCK_LOG_FORMAT: 'pretty',
      ENRICHMENT_MOCK_REPORT: 'conformance.xml',
    };
    expect(options([], env)).toEqual({
      host: '0.0.0.0',
      port: 5000,
      scenario: 'flaky-network',
      seed: 3,
      clock: 'virtual',
      speed: 1,
      journalLimit: 9,
      adminToken: 'secret',
      logLevel: 'warn',
      watch: false,
      logFormat: 'pretty',
      handlers: [],
      report: 'conformance.xml',
    });
    expect(options(['--port', '6000', '--log-level', 'error', '--log-format', 'json'], env)).toMatchObject({
      port: 6000,
      logLevel: 'error',
      logFormat: 'json',
    });
    expect(options([], { ENRICHMENT_MOCK_SPEED: '10' }).speed).toBe(10);
  });

  it('takes --report with a .xml or .json file and refuses any other', () => {
    expect(options(['--report', 'out/conformance.json']).report).toBe('out/conformance.json');
    const parsed = parseServeOptions(['--report', 'conformance.txt'], {});
    expect(parsed).toEqual({
      ok: false,
      message: '--report must name a .xml (JUnit) or .json file, got "conformance.txt".',
    });
  });

  it('treats an empty environment variable as unset', () => {
    expect(options([], { ENRICHMENT_MOCK_PORT: '', ENRICHMENT_MOCK_SCENARIO: '' })).toEqual(DEFAULTS);
  });

  it('answers --help', () => {
    expect(parseServeOptions(['--help'], {})).toEqual({ ok: true, help: true });
  });

  it.each<[string, string[], NodeJS.ProcessEnv, RegExp]>([
    [
      'an unknown flag, with a suggestion',
      ['--prot', '1'],
      {},
      /^Unknown option '--prot' \(did you mean --port\?\)\.$/,
    ],
    ['a flag without its value', ['--port'], {}, /argument missing/],
    ['a stray argument', ['extra'], {}, /Unexpected argument 'extra'/],
    ['a port that is not a number', ['--port', 'http'], {}, /^--port must be a port number .* got "http"\.$/],
    [
      'a port out of range',
      ['--port', '70000'],
      {},
      /--port must be a port number \(a whole number from 0 to 65535\)/,
    ],
    ['a bad port variable', [], { ENRICHMENT_MOCK_PORT: 'x' }, /^ENRICHMENT_MOCK_PORT must be a port number/],
    ['a negative seed', ['--seed=-1'], {}, /--seed must be a seed/],
    ['an unknown clock', ['--clock', 'fast'], {}, /--clock must be "real" or "virtual", got "fast"/],
    ['a zero speed', ['--speed', '0'], {}, /--speed must be a number > 0/],
    [
      'a speed for a virtual clock',
      ['--clock', 'virtual', '--speed', '2'],
      {},
      /--speed speeds up the real clock only/,
    ],
    ['an empty journal', ['--journal-limit', '0'], {}, /--journal-limit must be a journal size/],
    [
      'an unknown log level',
      ['--log-level', 'loud'],
      {},
      /--log-level must be one of silent, error, warn, info, debug/,
    ],
    [
      'an unknown log format',
      [],
      { ENRICHMENT_MOCK_LOG_FORMAT: 'fancy' },
      /^ENRICHMENT_MOCK_LOG_FORMAT must be "pretty" or "json" .* got "fancy"\.$/,
    ],
    [
      'a non-loopback host without a token',
      ['--host', '0.0.0.0'],
      {},
      /--host 0\.0\.0\.0 is reachable from other machines.*--admin-token/,
    ],
  ])('refuses %s in one sentence', (_name, args, env, message) => {
    const text = problem(args, env);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('accepts a non-loopback host with an admin token', () => {
    expect(options(['--host', '0.0.0.0', '--admin-token', 't'])).toMatchObject({
      host: '0.0.0.0',
      adminToken: 't',
    });
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['example.com', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });

  it('collects every --handlers file, in order', () => {
    expect(options(['--handlers', 'a.mjs', '--handlers', 'b.ts']).handlers).toStrictEqual(['a.mjs', 'b.ts']);
  });
});
