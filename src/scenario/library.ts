import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** A scenario of the built-in library (`scenarios/*.yaml`). */
export interface ScenarioSummary {
  name: string;
  description: string;
  source: 'builtin';
}

/** A scenario name, as opposed to a path: letters, digits, `_` and `-`. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

let root: string | undefined;

/**
 * The package root: the nearest directory above this module with a `package.json`. Works from `src/`
 * (tsx, vitest) and from a built `dist/`.
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `Cannot find the package root above ${fileURLToPath(import.meta.url)}: no package.json. Reinstall enrichment-mock.`,
      );
    dir = parent;
  }
  root = dir;
  return root;
}

/** The directory of the built-in scenarios. */
export const libraryDir = (): string => join(packageRoot(), 'scenarios');

/** Whether `nameOrPath` is a scenario name (looked up in the library) rather than a file path. */
export const isScenarioName = (nameOrPath: string): boolean => NAME.test(nameOrPath);

/** The file of a built-in scenario (it may not exist). */
const libraryFile = (name: string): string => join(libraryDir(), `${name}.yaml`);

/** Names of the built-in scenarios, sorted. */
export function libraryNames(): string[] {
  const files = existsSync(libraryDir()) ? readdirSync(libraryDir()) : [];
  return files
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort();
}

/**
 * The built-in scenarios with their one-line descriptions (read without loading them fully).
 *
 * @example
 * listScenarios(); // [{ name: 'cancel-race', description: '...', source: 'builtin' }, ...]
 */
export function listScenarios(): ScenarioSummary[] {
  return libraryNames().map((name) => {
    let description = '';
    try {
      const data: unknown = parse(readFileSync(libraryFile(name), 'utf8'));
      const value =
        data !== null && typeof data === 'object'
          ? (data as Record<string, unknown>)['description']
          : undefined;
      if (typeof value === 'string') description = value;
    } catch {
      description = '(cannot be read: run `enrichment-mock validate` on it)';
    }
    return { name, description, source: 'builtin' as const };
  });
}

/** Where a scenario name or path leads: the file, as read and as shown in messages. */
export interface ScenarioFile {
  path: string;
  display: string;
  /** Set for a name that is not in the library. */
  unknownName?: string;
}

const toDisplay = (path: string): string => {
  const near = relative(process.cwd(), path);
  return near.startsWith('..') || isAbsolute(near) ? path : near;
};

/**
 * Resolves a scenario name (`flaky-network`: the built-in library) or a path (read from disk, relative to
 * `from`, default the working directory).
 *
 * @example
 * resolveScenarioFile('default').path; // '<package>/scenarios/default.yaml'
 */
export function resolveScenarioFile(nameOrPath: string, from = process.cwd()): ScenarioFile {
  if (isScenarioName(nameOrPath)) {
    const path = libraryFile(nameOrPath);
    return { path, display: toDisplay(path), ...(existsSync(path) ? {} : { unknownName: nameOrPath }) };
  }
  const path = resolve(from, nameOrPath);
  return { path, display: toDisplay(path) };
}
