import { nextChangeAfter } from '../core/next-change.js';
import type { Runtime } from './mock-runtime.js';

/**
 * The first instant after now at which any run of any scenario changes, or null when every run is
 * settled. A virtual clock set there shows the next state a polling client would see.
 */
export function nextChangeInstant(runtime: Runtime): number | null {
  const now = runtime.clock.now();
  let next: number | null = null;
  for (const context of runtime.contexts()) {
    for (const run of context.simulator.allRuns()) {
      const change = nextChangeAfter(run, now);
      if (change !== null && (next === null || change < next)) next = change;
    }
  }
  return next;
}
