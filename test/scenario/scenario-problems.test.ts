import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems, loadScenario } from '../../src/scenario/load-scenario.js';
import { runValidate } from '../../src/scenario/validate-command.js';
import { lines, writeTempFiles } from '../support/temp-files.js';

const BROKEN = lines(
  '# yaml-language-server: $schema=./scenario.schema.json',
  'extends: default',
  'description: A scenario with many mistakes.',
  'seeed: 3',
  'timing:',
  '  default:',
  '    concurrency: 0',
  '    queueWait: { uniform: [3s, 1s] }',
  '    itemDuration: { fixed: 2 minutes }',
  'world:',
  '  catalog:',
  '    - slug: work_email',
  '      subject: person',
  '      creditCost: 1',
  '      outputAttribute: workEmail',
  '      output: { kind: emali }',
  '      timingProfile: web_reserch',
  '    - slug: work_email',
  '      subject: person',
  '      outputAttribute: workEmail',
  '      output: { kind: email }',
  'faults:',
  '  - name: throttle',
  '    match: { operation: puffleCreateRun, nth: [1], every: 2, probability: 1.5 }',
  '    effect: { status: 429, latency: 1s }',
);

describe('loadScenario problems', () => {
  it('reports every problem of a broken file, each with its path and line, in reading order', () => {
    const dir = writeTempFiles({ 'broken.yaml': BROKEN });
    const loaded = loadScenario(join(dir, 'broken.yaml'));
    expect(loaded.ok).toBe(false);
    expect(formatProblems('broken.yaml', loaded.ok ? [] : loaded.problems)).toBe(
      [
        'broken.yaml:4: seeed: unknown property; did you mean "seed"?',
        'broken.yaml:7: timing.default.concurrency: must be between 1 and 100000 (got 0)',
        'broken.yaml:8: timing.default.queueWait.uniform: min (3s) is greater than max (1s)',
        'broken.yaml:9: timing.default.itemDuration.fixed: must be a duration: a string like "250ms", "2s", "1m30s" or "7d" (units ms, s, m, h, d), or a number of milliseconds',
        'broken.yaml:16: world.catalog[0].output.kind: must be one of "email", "email_verification", "phone", "text", "url", "number", "date", "options", "boolean", "seg_gateway", "esp" (got "emali"); did you mean "email"?',
        'broken.yaml:17: world.catalog[0].timingProfile: names no profile in timing.profiles; did you mean "web_research"?',
        'broken.yaml:18: world.catalog[1]: creditCost is required',
        'broken.yaml:18: world.catalog[1].slug: duplicate slug "work_email" (also at world.catalog[0])',
        'broken.yaml:24: faults[0].match.operation: must be one of the 31 values the schema lists (got "puffleCreateRun"); did you mean "puffleCreateEnrichmentRun"?',
        'broken.yaml:24: faults[0].match.probability: must be between 0 and 1 (got 1.5)',
        'broken.yaml:24: faults[0].match: give nth or every, not both',
        'broken.yaml:25: faults[0].effect: must have exactly one of status, latency, transport or dispatchFailure',
      ].join('\n'),
    );
  });

  it.each([
    {
      name: 'a file that does not exist',
      given: 'missing.yaml',
      want: /^cannot read the file: ENOENT: no such file or directory, open '.*missing\.yaml'$/,
    },
    {
      name: 'a directory',
      given: '.',
      want: /^cannot read the file: EISDIR: illegal operation on a directory/,
    },
  ])('reports $name as one problem with the OS reason', ({ given, want }) => {
    const dir = writeTempFiles({});
    const loaded = loadScenario(join(dir, given));
    expect(loaded.ok || loaded.problems).toEqual([{ path: '', message: expect.stringMatching(want) }]);
  });

  it('reports an unknown scenario name with the names it knows', () => {
    const loaded = loadScenario('flaky-netwrok');
    expect(loaded.ok || loaded.problems).toEqual([
      {
        path: '',
        message: expect.stringMatching(
          /^unknown scenario "flaky-netwrok"; did you mean "flaky-network"\? Built-in scenarios: /,
        ),
      },
    ]);
  });

  it('reports YAML syntax errors with their lines', () => {
    const dir = writeTempFiles({
      'bad.yaml': lines('description: Bad.', 'seed: 1', 'seed: 2', 'world: [', ''),
    });
    const loaded = loadScenario(join(dir, 'bad.yaml'));
    expect(loaded.ok).toBe(false);
    const problems = loaded.ok ? [] : loaded.problems;
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems[0]).toEqual({
      path: '',
      line: 3,
      message: 'cannot parse the file: Map keys must be unique',
    });
    for (const problem of problems) expect(problem.message).toMatch(/^cannot parse the file: /);
  });

  it('reports an empty file as missing its description', () => {
    const dir = writeTempFiles({ 'empty.yaml': '' });
    const loaded = loadScenario(join(dir, 'empty.yaml'));
    expect(loaded.ok || loaded.problems).toEqual([
      { path: '', line: 1, message: 'the file is empty: a scenario needs at least a description' },
    ]);
  });

  it('accepts JSON, with a $schema for editors', () => {
    const json = JSON.stringify({
      $schema: './scenario.schema.json',
      extends: 'default',
      description: 'Written in JSON.',
      seed: 5,
      races: { beforeCompletion: 1500 },
      world: { revokedKeys: ['pk_live_old'] },
    });
    const dir = writeTempFiles({ 'from-json.json': json });
    const loaded = loadScenario(join(dir, 'from-json.json'));
    if (!loaded.ok) expect.fail(formatProblems('from-json.json', loaded.problems));
    expect(loaded.scenario).toMatchObject({
      name: 'from-json',
      seed: 5,
      races: { beforeCompletionMs: 1_500 },
      world: { revokedKeys: ['pk_live_old'] },
    });
  });

  it('reports problems in a JSON file with their lines', () => {
    const dir = writeTempFiles({
      'bad.json':
        '{\n  "description": "Bad JSON.",\n  "timing": { "default": { "concurrency": "many" } }\n}\n',
    });
    const loaded = loadScenario(join(dir, 'bad.json'));
    expect(loaded.ok || loaded.problems).toEqual([
      { path: 'timing.default.concurrency', line: 3, message: 'must be a whole number' },
    ]);
  });

  it('lets the seed option override the file, and refuses a seed that is not a whole number', () => {
    expect(loadScenario('default', { seed: 77 })).toMatchObject({ ok: true, scenario: { seed: 77 } });
    expect(loadScenario('default', { seed: 1.5 })).toEqual({
      ok: false,
      problems: [{ path: 'seed', message: 'the seed option must be a whole number >= 0, got 1.5' }],
    });
  });

  it('accepts an API key that is both revoked and given a world', () => {
    const dir = writeTempFiles({
      'revoked.yaml': lines(
        'description: Revoked.',
        'world:',
        '  tenants:',
        '    pk_live_gone: { credits: 5 }',
        '  revokedKeys: [pk_live_gone]',
      ),
    });
    const loaded = loadScenario(join(dir, 'revoked.yaml'));
    expect(loaded).toMatchObject({
      ok: true,
      scenario: { world: { revokedKeys: ['pk_live_gone'], tenants: { pk_live_gone: { credits: 5 } } } },
    });
  });

  it('reports the checks a schema cannot make on lists, faults and catalog entries', () => {
    const dir = writeTempFiles({
      'refs.yaml': lines(
        'description: Bad references.',
        'world:',
        '  defaults:',
        '    lists:',
        '      - { id: l1, name: One, subject: person, leads: [{ id: a }, { id: a }] }',
        '      - { id: l1, name: Two, subject: person }',
        '  catalog:',
        '    - { slug: pick, subject: person, creditCost: 1, outputAttribute: pick, output: { kind: options } }',
        '    - { slug: mail, subject: person, creditCost: 1, outputAttribute: m, output: { kind: email, options: [a] }, inputSchema: { type: 12 } }',
        'faults:',
        '  - { name: f, match: { vendor: exa, operation: puffleGetEnrichmentRun }, effect: { status: 429, retryAfter: 1500ms } }',
        '  - { name: f, match: { vendor: puffle }, effect: { dispatchFailure: boom } }',
      ),
    });
    const loaded = loadScenario(join(dir, 'refs.yaml'));
    expect(formatProblems('refs.yaml', loaded.ok ? [] : loaded.problems)).toBe(
      [
        'refs.yaml:5: world.defaults.lists[0].leads[1].id: duplicate lead id "a" in this world',
        'refs.yaml:6: world.defaults.lists[1].id: duplicate list id "l1" in this world',
        'refs.yaml:8: world.catalog[0].output: kind "options" needs options: the values a result picks from',
        'refs.yaml:9: world.catalog[1].output.options: only applies to kind "options", not "email"',
        'refs.yaml:9: world.catalog[1].inputSchema: is not a valid JSON Schema: inputSchema/type must be equal to one of the allowed values',
        'refs.yaml:11: faults[0].match.operation: is an operation of puffle, not of exa',
        'refs.yaml:11: faults[0].effect.retryAfter: Retry-After is sent in whole seconds: write e.g. 1s or 2s',
        'refs.yaml:12: faults[1].name: duplicate fault name "f"',
        'refs.yaml:12: faults[1].effect.dispatchFailure: needs match.operation to be one that dispatches work: puffleCreateEnrichmentRun, sendkitEnrichLeads, exaCreateWebset, exaCreateEnrichment',
      ].join('\n'),
    );
  });
  it('reports schema and semantic problems in one pass, even when extends leads nowhere', () => {
    const dir = writeTempFiles({
      'both.yaml': lines(
        'extends: defualt',
        'description: Both kinds of problems.',
        'seeed: 3',
        'timing:',
        '  default:',
        '    concurrency: 0',
        '    queueWait: { uniform: [3s, 1s] }',
        '    itemDuration: { lognormal: { median: 10s, sigma: 0.5, max: 5s } }',
        'faults:',
        '  - name: slow',
        '    match: { vendor: sendkit, operation: puffleGetEnrichmentRun, nth: [1], every: 2 }',
        '    effect: { status: 429, retryAfter: 500ms }',
        '  - name: slow',
        '    match: { operation: puffleGetEnrichmentRun, probability: 3 }',
        '    effect: { dispatchFailure: No credits }',
      ),
    });
    const file = join(dir, 'both.yaml');
    const { exitCode, output } = runValidate(file);
    expect(exitCode).toBe(1);
    expect(output.split('\n').map((line) => line.replace(`${file}:`, ''))).toEqual([
      expect.stringMatching(/^1: extends: unknown scenario "defualt"; did you mean "default"\?/),
      '3: seeed: unknown property; did you mean "seed"?',
      '6: timing.default.concurrency: must be between 1 and 100000 (got 0)',
      '7: timing.default.queueWait.uniform: min (3s) is greater than max (1s)',
      '8: timing.default.itemDuration.lognormal: median (10s) is greater than max (5s)',
      '11: faults[0].match: give nth or every, not both',
      '11: faults[0].match.operation: is an operation of puffle, not of sendkit',
      '12: faults[0].effect.retryAfter: Retry-After is sent in whole seconds: write e.g. 1s or 2s',
      '13: faults[1].name: duplicate fault name "slow"',
      '14: faults[1].match.probability: must be between 0 and 1 (got 3)',
      '15: faults[1].effect.dispatchFailure: needs match.operation to be one that dispatches work: puffleCreateEnrichmentRun, sendkitEnrichLeads, exaCreateWebset, exaCreateEnrichment',
      `11 problems in ${file}`,
    ]);
  });

  it('skips only the checks that need the files an unreadable extends chain would bring', () => {
    const dir = writeTempFiles({
      'child.yaml': lines(
        'extends: ./missing.yaml',
        'description: Extends a file that is not there.',
        'world:',
        '  catalog:',
        '    - { slug: a, subject: person, creditCost: 1, outputAttribute: a, output: { kind: email }, timingProfile: from_parent }',
        '    - { slug: a, subject: person, creditCost: 1, outputAttribute: b, output: { kind: email } }',
      ),
    });
    const loaded = loadScenario(join(dir, 'child.yaml'));
    expect((loaded.ok ? [] : loaded.problems).map(({ path, line }) => ({ path, line }))).toEqual([
      { path: 'extends', line: 1 },
      { path: 'world.catalog[1].slug', line: 6 },
    ]);
  });
});

describe('runValidate', () => {
  it('exits 0 with a one-line summary for a valid scenario', () => {
    expect(runValidate('cancel-race')).toEqual({
      exitCode: 0,
      output: expect.stringMatching(
        /^cancel-race: ok: scenario "cancel-race" \(4 enrichments, 0 fault rules\): Every cancel of a pending/,
      ),
    });
  });

  it('exits 1 with one line per problem and a count', () => {
    const dir = writeTempFiles({
      'two.yaml': lines('description: Two problems.', 'seed: -3', 'races: { tieBreak: never }'),
    });
    const file = join(dir, 'two.yaml');
    expect(runValidate(file)).toEqual({
      exitCode: 1,
      output: [
        `${file}:2: seed: must be >= 0 (got -3)`,
        `${file}:3: races.tieBreak: must be one of "completion", "cancel" (got "never")`,
        `2 problems in ${file}`,
      ].join('\n'),
    });
  });
});
