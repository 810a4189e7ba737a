import { basename, extname } from 'node:path';
import { RecencyMap } from '../core/recency-map.js';
import { DEFAULT_BODY } from './defaults.js';
import { readExtendsChain, type InlineScenario } from './extends-chain.js';
import type { ScenarioBody } from './file-types.js';
import { isScenarioName, resolveScenarioFile } from './library.js';
import { mergeScenario } from './merge.js';
import { formatProblems, type ScenarioProblem } from './problem.js';
import { checkSemantics, type Locate } from './semantic-check.js';
import { toScenario } from './to-scenario.js';
import type { Scenario } from './types.js';

export type LoadResult =
  | {
      ok: true;
      scenario: Scenario;
      /** The files read: the loaded one first, then each file it extends (for watching them). */
      files: string[];
    }
  | { ok: false; problems: ScenarioProblem[] };

export interface LoadOptions {
  /** Overrides the file's `seed` (e.g. `--seed`). */
  seed?: number;
  /** Overrides in the file format, applied over `nameOrPath` (which the overrides extend). */
  inline?: InlineScenario;
}

/** Fields that belong to one file and are never inherited. */
const IDENTITY = new Set(['$schema', 'extends', 'name', 'description']);

/**
 * Loads a scenario by name or path: parses it (YAML or JSON), validates it against the file schema,
 * follows `extends`, runs the semantic checks and fills in the defaults. Never throws for a bad file:
 * every problem comes back with its path and, when known, its line, all in one pass (the semantic checks
 * run over whatever parsed, even when the schema check or `extends` failed).
 *
 * @example
 * const loaded = loadScenario('flaky-network', { seed: 7 });
 * if (!loaded.ok) console.error(formatProblems('flaky-network', loaded.problems));
 */
export function loadScenario(nameOrPath: string, options: LoadOptions = {}): LoadResult {
  const problems: ScenarioProblem[] = [];
  if (options.seed !== undefined && !(Number.isSafeInteger(options.seed) && options.seed >= 0)) {
    problems.push({
      path: 'seed',
      message: `the seed option must be a whole number >= 0, got ${options.seed}`,
    });
  }
  const {
    links: chain,
    problems: chainProblems,
    complete,
    inFile,
  } = readExtendsChain(nameOrPath, options.inline);
  problems.push(...chainProblems);
  const top = chain[0];
  if (!top) return { ok: false, problems: inReadingOrder(problems) };

  let merged: unknown = DEFAULT_BODY;
  for (const link of [...chain].reverse()) {
    merged = mergeScenario(
      merged,
      Object.fromEntries(Object.entries(link.data).filter(([key]) => !IDENTITY.has(key))),
    );
  }
  const locate: Locate = (path, locateOptions) => {
    for (const link of chain) {
      const found = link.source.lineOf(path, locateOptions);
      if (found?.exact) return { line: found.line, ...inFile(link) };
    }
    return {};
  };
  // Checked even when the file has schema problems or its chain stops early: every problem in one pass.
  problems.push(...checkSemantics(merged, locate, { partial: !complete }));
  if (!complete || problems.length > 0) return { ok: false, problems: inReadingOrder(problems) };

  const body = merged as ScenarioBody;
  const name =
    typeof top.data['name'] === 'string' ? top.data['name'] : basename(top.file.path, extname(top.file.path));
  const scenario = toScenario(body, { name, description: String(top.data['description']) });
  if (options.seed !== undefined) scenario.seed = options.seed;
  return { ok: true, scenario, files: chain.map((link) => link.file.path) };
}

/**
 * Built-in scenarios are package files: loaded once per (name, seed) and shared, never mutated. At most
 * this many stay loaded; past it, the one used least recently is dropped (and loaded again when asked).
 */
export const MAX_CACHED_SCENARIOS = 100;

const builtinCache = new RecencyMap<string, Scenario>(MAX_CACHED_SCENARIOS);

/**
 * A built-in scenario by name, or undefined when the library has none by that name. A built-in that does
 * not load is a broken package, and throws.
 *
 * @example
 * const scenario = resolveBuiltinScenario('cancel-race', 7);
 */
export function resolveBuiltinScenario(name: string, seed?: number): Scenario | undefined {
  const cacheKey = `${name}\u0000${seed ?? ''}`;
  const cached = builtinCache.get(cacheKey);
  if (cached) return cached;
  if (!isScenarioName(name) || resolveScenarioFile(name).unknownName !== undefined) return undefined;
  const loaded = loadScenario(name, seed === undefined ? {} : { seed });
  if (loaded.ok) {
    builtinCache.set(cacheKey, loaded.scenario);
    return loaded.scenario;
  }
  const file = resolveScenarioFile(name).display;
  throw new Error(
    `Failed to load the built-in scenario "${name}": the package is broken. Reinstall enrichment-mock.\n${formatProblems(file, loaded.problems)}`,
  );
}

/** Problems grouped by file (the loaded one first) and sorted by line; those without a line last. */
function inReadingOrder(problems: ScenarioProblem[]): ScenarioProblem[] {
  const files = [...new Set(problems.map((problem) => problem.file ?? ''))].sort((a, b) =>
    a === '' ? -1 : b === '' ? 1 : 0,
  );
  return problems
    .map((problem, index) => ({ problem, index, rank: files.indexOf(problem.file ?? '') }))
    .sort(
      (a, b) =>
        a.rank - b.rank || (a.problem.line ?? Infinity) - (b.problem.line ?? Infinity) || a.index - b.index,
    )
    .map(({ problem }) => problem);
}

export { listScenarios, resolveScenarioFile, type ScenarioFile, type ScenarioSummary } from './library.js';
export { formatProblems, type ScenarioProblem } from './problem.js';
