import { accessSync, constants } from 'node:fs';
import { isScenarioName, listScenarios } from '../scenario/library.js';
import { loadScenario, resolveBuiltinScenario, resolveScenarioFile } from '../scenario/load-scenario.js';
import type { ScenarioProblem } from '../scenario/problem.js';
import type { Scenario } from '../scenario/types.js';

/** Why a scenario could not be selected: not there (`not_found`) or not valid (`invalid`). */
export type SelectFailure =
  | { ok: false; code: 'not_found'; message: string }
  | { ok: false; code: 'invalid'; message: string; problems: ScenarioProblem[] };

export type SelectResult = { ok: true; scenario: Scenario } | SelectFailure;

/** A scenario the server knows, for `GET /__admin/scenarios`. */
export interface KnownScenario {
  name: string;
  description: string;
  source: 'builtin' | 'file';
}

export interface ScenarioRegistryOptions {
  /** The `--seed` given at start-up: every scenario picked by name gets it unless told otherwise. */
  seed?: number;
}

/**
 * The scenarios a server can serve: the built-in library plus the files loaded through `--scenario` or
 * the control API. Files are remembered by their scenario name, so `X-Mock-Scenario: <name>` reaches a
 * loaded file too.
 *
 * @example
 * const registry = createScenarioRegistry({ seed: 7 });
 * const selected = registry.select('./my-scenario.yaml');
 * if (selected.ok) runtime.activate(selected.scenario);
 */
export function createScenarioRegistry(options: ScenarioRegistryOptions = {}) {
  const files = new Map<string, Scenario>();

  /** Loads a scenario by name or path, with `seed` (default the start-up seed); files are remembered. */
  const select = (nameOrPath: string, seed = options.seed): SelectResult => {
    const file = resolveScenarioFile(nameOrPath);
    if (file.unknownName !== undefined) {
      const names = listScenarios().map((scenario) => scenario.name);
      return {
        ok: false,
        code: 'not_found',
        message: `Scenario not found: "${nameOrPath}". Built-in scenarios: ${names.join(', ')}; or give a path to a scenario file.`,
      };
    }
    try {
      accessSync(file.path, constants.R_OK);
    } catch (error) {
      return {
        ok: false,
        code: 'not_found',
        message: `Cannot read scenario file "${file.display}": ${(error as Error).message}.`,
      };
    }
    const loaded = loadScenario(nameOrPath, seed === undefined ? {} : { seed });
    if (!loaded.ok) {
      const count = loaded.problems.length;
      return {
        ok: false,
        code: 'invalid',
        message: `Scenario "${file.display}" is invalid (${count} problem${count === 1 ? '' : 's'}): run \`enrichment-mock validate ${file.display}\` for details.`,
        problems: loaded.problems,
      };
    }
    if (!isScenarioName(nameOrPath)) files.set(loaded.scenario.name, loaded.scenario);
    return loaded;
  };

  return {
    select,
    /** A scenario by name, for `X-Mock-Scenario`: a loaded file, else a built-in; undefined when unknown. */
    resolve(name: string): Scenario | undefined {
      return files.get(name) ?? resolveBuiltinScenario(name, options.seed);
    },
    /** The built-in scenarios, then the files loaded so far. */
    list(): KnownScenario[] {
      const loaded = [...files.values()].map((scenario) => ({
        name: scenario.name,
        description: scenario.description,
        source: 'file' as const,
      }));
      return [...listScenarios(), ...loaded];
    },
  };
}

export type ScenarioRegistry = ReturnType<typeof createScenarioRegistry>;
