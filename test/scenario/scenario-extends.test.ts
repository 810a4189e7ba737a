import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { mergeScenario } from '../../src/scenario/merge.js';
import { formatProblems } from '../../src/scenario/problem.js';
import { lines, writeTempFiles } from '../support/temp-files.js';

describe('mergeScenario', () => {
  it.each([
    {
      name: 'objects merge key by key',
      base: { a: { x: 1, y: 2 } },
      override: { a: { y: 3 } },
      want: { a: { x: 1, y: 3 } },
    },
    { name: 'arrays are replaced whole', base: { a: [1, 2, 3] }, override: { a: [4] }, want: { a: [4] } },
    {
      name: 'null is a value',
      base: { expiry: { sendkit: '7d' } },
      override: { expiry: { sendkit: null } },
      want: { expiry: { sendkit: null } },
    },
    {
      name: 'distributions are replaced whole',
      base: { itemDuration: { lognormal: { median: '1s', sigma: 0.5, max: '5s' } } },
      override: { itemDuration: { fixed: '2s' } },
      want: { itemDuration: { fixed: '2s' } },
    },
    {
      name: 'new keys are added',
      base: { tenants: { a: { credits: 1 } } },
      override: { tenants: { b: { credits: 2 } } },
      want: { tenants: { a: { credits: 1 }, b: { credits: 2 } } },
    },
  ])('$name', ({ base, override, want }) => {
    expect(mergeScenario(base, override)).toEqual(want);
  });

  it('leaves both inputs untouched', () => {
    const base = { a: { x: 1 } };
    const override = { a: { y: 2 } };
    mergeScenario(base, override);
    expect(base).toEqual({ a: { x: 1 } });
    expect(override).toEqual({ a: { y: 2 } });
  });
});

describe('extends', () => {
  it('inherits a built-in scenario and overrides parts of it', () => {
    const dir = writeTempFiles({
      'mine.yaml': lines(
        'extends: cancel-race',
        'description: Cancel races, with a broke tenant and a slower default.',
        'seed: 42',
        'world:',
        '  tenants:',
        '    pk_live_broke: { credits: 0 }',
        'timing:',
        '  default:',
        '    itemDuration: { uniform: [1s, 3s] }',
        'races:',
        '  tieBreak: cancel',
      ),
    });
    const loaded = loadScenario(join(dir, 'mine.yaml'));
    if (!loaded.ok) expect.fail(formatProblems('mine.yaml', loaded.problems));
    const { scenario } = loaded;
    expect(scenario).toMatchObject({
      name: 'mine',
      seed: 42,
      races: { beforeCompletionMs: 0, afterCompletionMs: 0, tieBreak: 'cancel', cancelAlwaysLoses: true },
    });
    // The tenant is merged over the default world: its own credits, the default lists.
    expect(scenario.world.tenants['pk_live_broke']).toEqual({ ...scenario.world.defaults, credits: 0 });
    // The distribution is replaced; the rest of the inherited default model stays.
    expect(scenario.timing.default).toMatchObject({
      itemDuration: { type: 'uniform', minMs: 1_000, maxMs: 3_000 },
      concurrency: 1_000,
      failure: { rate: 0 },
    });
    // A profile is merged over the final default model: it keeps what it sets, and inherits the rest.
    expect(scenario.timing.profiles['web_research']).toMatchObject({
      queueWait: { type: 'fixed', ms: 1_000 },
      itemDuration: { type: 'fixed', ms: 30_000 },
      failure: { rate: 0, maxAttempts: 2 },
    });
  });

  it('inherits a file by a path relative to the extending file, through several levels', () => {
    const dir = writeTempFiles({
      'base.yaml': lines('extends: happy-path-fast', 'description: Base.', 'expiry: { puffle: 1h }'),
      'child.yaml': lines('extends: ./base.yaml', 'description: Child.', 'expiry: { exa: 2h }'),
    });
    const loaded = loadScenario(join(dir, 'child.yaml'));
    if (!loaded.ok) expect.fail(formatProblems('child.yaml', loaded.problems));
    expect(loaded.scenario).toMatchObject({
      name: 'child',
      description: 'Child.',
      expiry: { puffle: 3_600_000, sendkit: 604_800_000, exa: 7_200_000 },
    });
    expect(loaded.scenario.timing.default.itemDuration).toEqual({ type: 'fixed', ms: 50 });
  });

  it('reports an unknown extends target, with a suggestion and a hint about files next to it', () => {
    const dir = writeTempFiles({
      'a.yaml': lines('description: A.', 'extends: defualt'),
      'b.yaml': lines('description: B.', 'extends: sibling'),
      'sibling.yaml': lines('description: Sibling.'),
    });
    const a = loadScenario(join(dir, 'a.yaml'));
    expect(a.ok || a.problems).toEqual([
      {
        path: 'extends',
        line: 2,
        message: expect.stringMatching(
          /^unknown scenario "defualt"; did you mean "default"\? Built-in scenarios: cancel-race, /,
        ),
      },
    ]);
    const b = loadScenario(join(dir, 'b.yaml'));
    expect(b.ok || b.problems[0]?.message).toMatch(
      /To extend the file next to this one, write "\.\/sibling\.yaml"\.$/,
    );
  });

  it('reports an extends cycle at the extends that closes it', () => {
    const dir = writeTempFiles({
      'one.yaml': lines('description: One.', 'extends: ./two.yaml'),
      'two.yaml': lines('# comment', 'description: Two.', 'extends: ./one.yaml'),
    });
    const loaded = loadScenario(join(dir, 'one.yaml'));
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.problems).toEqual([
      {
        path: 'extends',
        line: 3,
        file: expect.stringMatching(/two\.yaml$/),
        message: expect.stringMatching(/^extends cycle: .*one\.yaml -> .*two\.yaml -> .*one\.yaml$/),
      },
    ]);
  });

  it("reports a parent's problems in the parent's file, and the child's in its own", () => {
    const dir = writeTempFiles({
      'parent.yaml': lines('description: Parent.', 'races:', '  tieBreak: coin-toss'),
      'child.yaml': lines('description: Child.', 'extends: ./parent.yaml', 'seed: -1'),
    });
    const loaded = loadScenario(join(dir, 'child.yaml'));
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.problems).toEqual([
      { path: 'seed', line: 3, message: 'must be >= 0 (got -1)' },
      {
        path: 'races.tieBreak',
        line: 3,
        file: expect.stringMatching(/parent\.yaml$/),
        message: 'must be one of "completion", "cancel" (got "coin-toss")',
      },
    ]);
  });

  it('checks references across files: a profile named in the child may live in the parent', () => {
    const dir = writeTempFiles({
      'parent.yaml': lines(
        'description: Parent.',
        'timing:',
        '  profiles:',
        '    deep_research: { concurrency: 1 }',
      ),
      'child.yaml': lines(
        'description: Child.',
        'extends: ./parent.yaml',
        'world:',
        '  catalog:',
        '    - { slug: deep, subject: company, creditCost: 3, outputAttribute: deep, output: { kind: text }, timingProfile: deep_research }',
        '    - { slug: deeper, subject: company, creditCost: 3, outputAttribute: deeper, output: { kind: text }, timingProfile: deep_reserch }',
      ),
    });
    const loaded = loadScenario(join(dir, 'child.yaml'));
    expect(!loaded.ok && loaded.problems).toEqual([
      {
        path: 'world.catalog[1].timingProfile',
        line: 6,
        message: 'names no profile in timing.profiles; did you mean "deep_research"?',
      },
    ]);
  });
});
