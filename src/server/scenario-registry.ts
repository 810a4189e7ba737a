import { accessSync, constants } from 'node:fs';
import { isScenarioName, libraryNames, listScenarios } from '../scenario/library.js';
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
  /** The file a `file` scenario was read from, as given (relative to the working directory when inside it). */
  path?: string;
}

/** A scenario file the registry loaded: where it is, the seed it was loaded with, and every file it read. */
export interface LoadedFile {
  name: string;
  path: string;
  /** The path as messages and listings show it (relative to the working directory when under it). */
  display: string;
  seed: number | undefined;
  scenario: Scenario;
  /** The file and every file it extends, absolute: a change to any of them changes the scenario. */
  files: string[];
}

export interface ScenarioRegistryOptions {
  /** The `--seed` given at start-up: every scenario picked by name gets it unless told otherwise. */
  seed?: number;
}

/**
 * The scenarios a server can serve: the built-in library plus the files loaded through `--scenario` or
 * the control API. A loaded file is known by its scenario name, so `X-Mock-Scenario: <name>` and
 * `PUT /__admin/scenario {"name": "<name>"}` reach it; when that name is a built-in's or another file's,
 * the file is known by its path instead, so no two scenarios share a name.
 *
 * @example
 * const registry = createScenarioRegistry({ seed: 7 });
 * const selected = registry.select('./my-scenario.yaml');
 * if (selected.ok) runtime.activate(selected.scenario);
 */
export function createScenarioRegistry(options: ScenarioRegistryOptions = {}) {
  const files = new Map<string, LoadedFile>();
  const listeners = new Set<(file: LoadedFile) => void>();

  /** The name a file's scenario is known by: its own, unless a built-in or another file has it. */
  const nameOf = (scenarioName: string, path: string, display: string): string => {
    const holder = files.get(scenarioName);
    const taken = libraryNames().includes(scenarioName) || (holder !== undefined && holder.path !== path);
    return taken ? display : scenarioName;
  };

  /** Loads a scenario by name or path, with `seed` (default the start-up seed); files are remembered. */
  const select = (nameOrPath: string, seed = options.seed): SelectResult => {
    const known = files.get(nameOrPath);
    const file = resolveScenarioFile(known?.path ?? nameOrPath);
    if (file.unknownName !== undefined) {
      const names = list().map((scenario) => scenario.name);
      return {
        ok: false,
        code: 'not_found',
        message: `Scenario not found: "${nameOrPath}". Known scenarios: ${names.join(', ')}; or give a path to a scenario file.`,
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
    const loaded = loadScenario(known?.path ?? nameOrPath, seed === undefined ? {} : { seed });
    if (!loaded.ok) {
      const count = loaded.problems.length;
      return {
        ok: false,
        code: 'invalid',
        message: `Scenario "${file.display}" is invalid (${count} problem${count === 1 ? '' : 's'}): run \`enrichment-mock validate ${file.display}\` for details.`,
        problems: loaded.problems,
      };
    }
    if (known === undefined && isScenarioName(nameOrPath)) return { ok: true, scenario: loaded.scenario };
    const name = nameOf(loaded.scenario.name, file.path, file.display);
    const scenario = { ...loaded.scenario, name };
    const entry: LoadedFile = {
      name,
      path: file.path,
      display: file.display,
      seed,
      scenario,
      files: loaded.files,
    };
    // A file whose own name changed since it was last loaded is known by the new name only.
    for (const [key, other] of files) if (other.path === file.path && key !== name) files.delete(key);
    files.set(name, entry);
    for (const listener of listeners) listener(entry);
    return { ok: true, scenario };
  };

  /** The built-in scenarios, then the files loaded so far. */
  const list = (): KnownScenario[] => {
    const loaded = [...files.values()].map(({ scenario, display }) => ({
      name: scenario.name,
      description: scenario.description,
      source: 'file' as const,
      path: display,
    }));
    return [...listScenarios(), ...loaded];
  };

  return {
    select,
    list,
    /** A scenario by name, for `X-Mock-Scenario`: a loaded file, else a built-in; undefined when unknown. */
    resolve(name: string): Scenario | undefined {
      return files.get(name)?.scenario ?? resolveBuiltinScenario(name, options.seed);
    },
    /** The scenario files loaded so far. */
    loadedFiles: (): LoadedFile[] => [...files.values()],
    /** Calls `listener` each time a scenario file is loaded (again); returns the unsubscribe function. */
    onFileLoaded(listener: (file: LoadedFile) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type ScenarioRegistry = ReturnType<typeof createScenarioRegistry>;
