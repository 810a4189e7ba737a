import { isScenarioName } from './library.js';
import { loadScenario, resolveScenarioFile } from './load-scenario.js';
import { formatProblems } from './problem.js';

/** What `enrichment-mock validate FILE` prints and exits with. */
export interface ValidateOutcome {
  /** 0 when the scenario is valid, 1 when it has problems. */
  exitCode: 0 | 1;
  /** The text to print (stdout when valid, stderr otherwise), without a trailing newline. */
  output: string;
}

/**
 * Validates a scenario file (or a built-in scenario by name) as the CLI's `validate` command does.
 *
 * @example
 * const { exitCode, output } = runValidate('scenarios/my-scenario.yaml');
 * console.log(output);
 * process.exitCode = exitCode;
 */
export function runValidate(file: string): ValidateOutcome {
  const loaded = loadScenario(file);
  if (loaded.ok) {
    const { scenario } = loaded;
    const details = `${scenario.world.catalog.length} enrichments, ${scenario.faults.length} fault rules`;
    return {
      exitCode: 0,
      output: `${file}: ok: scenario "${scenario.name}" (${details}): ${scenario.description}`,
    };
  }
  // A built-in name is shown as its file, so that `file:line` leads somewhere.
  const resolved = resolveScenarioFile(file);
  const shown = isScenarioName(file) && resolved.unknownName === undefined ? resolved.display : file;
  const count = loaded.problems.length;
  return {
    exitCode: 1,
    output: `${formatProblems(shown, loaded.problems)}\n${count} problem${count === 1 ? '' : 's'} in ${shown}`,
  };
}
