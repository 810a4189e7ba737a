/** A location inside a scenario file: property names, and indices into arrays. */
export type ValuePath = readonly (string | number)[];

/** One thing wrong with a scenario file. */
export interface ScenarioProblem {
  /** Where, e.g. `timing.default.concurrency` or `faults[2].match.nth`; empty for the file as a whole. */
  path: string;
  /** 1-based line in the file, when known. */
  line?: number;
  message: string;
  /** The file the problem is in, when it is not the one loaded (a scenario it extends). */
  file?: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * Writes a path the way a person reads it.
 *
 * @example
 * toPathText(['faults', 2, 'match', 'nth']); // 'faults[2].match.nth'
 * toPathText(['world', 'tenants', 'key with space']); // 'world.tenants["key with space"]'
 */
export function toPathText(path: ValuePath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (IDENTIFIER.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/**
 * The text a CLI prints for problems: one line each, `file:line: path: message` (line and path left out
 * when unknown or empty).
 *
 * @example
 * formatProblems('my.yaml', [{ path: 'timing.default.concurrency', line: 7, message: 'must be >= 1' }]);
 * // 'my.yaml:7: timing.default.concurrency: must be >= 1'
 */
export function formatProblems(file: string, problems: readonly ScenarioProblem[]): string {
  return problems
    .map((problem) => {
      const where = `${problem.file ?? file}${problem.line === undefined ? '' : `:${problem.line}`}`;
      return problem.path === ''
        ? `${where}: ${problem.message}`
        : `${where}: ${problem.path}: ${problem.message}`;
    })
    .join('\n');
}
