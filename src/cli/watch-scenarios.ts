import { unwatchFile, watchFile, type Stats } from 'node:fs';
import type { Runtime } from '../runtime/mock-runtime.js';
import { formatProblems } from '../scenario/problem.js';
import type { Logger } from '../server/logger.js';
import type { LoadedFile, ScenarioRegistry } from '../server/scenario-registry.js';

export interface WatchScenariosOptions {
  /** How often each file's modification time is checked, in ms; default 250. */
  intervalMs?: number;
}

/**
 * `serve --watch`: re-reads every scenario file the server has loaded (at start-up or through
 * `PUT /__admin/scenario`, and every file they extend) when one changes. A good edit replaces the scenario
 * (the active one starts afresh, as `PUT /__admin/scenario` does); a broken edit keeps the last good
 * version and logs every problem. Polls with `fs.watchFile`, which survives editors that save by
 * replacing the file. Returns the function that stops watching.
 *
 * @example
 * const stop = watchScenarios(scenarios, server.runtime, logger);
 * process.on('SIGTERM', stop);
 */
export function watchScenarios(
  scenarios: ScenarioRegistry,
  runtime: Runtime,
  logger: Logger,
  options: WatchScenariosOptions = {},
): () => void {
  /** Each watched file, with the names of the loaded scenarios that read it. */
  const readers = new Map<string, Set<string>>();

  const reload = (name: string, changed: string): void => {
    const entry = scenarios.loadedFiles().find((file) => file.name === name);
    if (!entry) return;
    const wasActive = runtime.active.name === name;
    const selected = scenarios.select(name, entry.seed);
    if (!selected.ok) {
      const problems =
        selected.code === 'invalid'
          ? formatProblems(entry.path, selected.problems).split('\n')
          : [selected.message];
      logger.warn(
        { scenario: name, file: changed, problems },
        `Scenario "${name}" not reloaded: ${changed} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; the last good version stays in use. Fix the file and save it again.`,
      );
      return;
    }
    // The new version serves from the next request on, active or picked per request; its state starts afresh.
    if (wasActive) runtime.activate(selected.scenario);
    else runtime.forget(name);
    logger.info(
      { scenario: selected.scenario.name, file: changed, active: wasActive },
      `Scenario "${selected.scenario.name}" reloaded from ${changed}`,
    );
  };

  const watch = (entry: LoadedFile): void => {
    for (const file of entry.files) {
      let names = readers.get(file);
      if (!names) {
        const watching = new Set<string>();
        names = watching;
        readers.set(file, watching);
        const onChange = (current: Stats, previous: Stats): void => {
          if (current.mtimeMs === previous.mtimeMs && current.size === previous.size) return;
          for (const name of [...watching]) reload(name, file);
        };
        watchFile(file, { interval: options.intervalMs ?? 250, persistent: false }, onChange);
      }
      names.add(entry.name);
    }
  };

  for (const entry of scenarios.loadedFiles()) watch(entry);
  const unsubscribe = scenarios.onFileLoaded(watch);
  return () => {
    unsubscribe();
    for (const file of readers.keys()) unwatchFile(file);
    readers.clear();
  };
}
