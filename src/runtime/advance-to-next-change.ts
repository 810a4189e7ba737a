import type { VirtualClock } from '../core/clock.js';
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

/** Moves a virtual clock to the next instant any run changes; false (and no move) when all have settled or the clock is real. */
export function advanceToNextChange(runtime: Runtime): boolean {
  const next = nextChangeInstant(runtime);
  const clock = runtime.clock as Partial<VirtualClock>;
  if (next === null || clock.set === undefined) return false;
  return clock.set(next).ok;
}
