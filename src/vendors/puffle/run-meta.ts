import { derive, toToken, toUuid } from '../../core/random.js';
import type { Run, RunOwner } from '../../core/run.js';
import type { components } from '../../generated/puffle.types.js';

type EnrichmentScope = components['schemas']['EnrichmentScope'];
type OutputTarget = components['schemas']['OutputTarget'];

/** What the Puffle adapter keeps with a run (in `Run.meta`): the parts of the request the core does not model. */
export interface PuffleRunMeta {
  /** The `scope` object exactly as it was sent. */
  requested: EnrichmentScope;
}

/** The vendor name Puffle runs are recorded under in the simulator; its runs carry a `PuffleRunMeta`. */
export const PUFFLE: RunOwner<PuffleRunMeta> = 'puffle';

/** A run the Puffle adapter created. */
export type PuffleRun = Run<PuffleRunMeta>;

/** The list a scope names, if any (`list` scopes always, `explicit_leads` optionally). */
export function scopeListId(scope: EnrichmentScope): string | null {
  return 'listId' in scope ? scope.listId : null;
}

/** Results go to the lead's membership when the scope names a list, else to the lead itself. */
export function outputTarget(scope: EnrichmentScope): OutputTarget {
  return scopeListId(scope) === null ? 'lead_attribute' : 'membership_attribute';
}

/** The background worker's run id (`run_` + 25 characters, seeded); null when nothing was dispatched. */
export function triggerRunId(run: Run): string | null {
  return run.dispatchError === null ? `run_${toToken(derive(run.key, 'puffle-trigger'), 25)}` : null;
}

/** The id that correlates the run with its worker, seeded from the run. */
export function correlationId(run: Run): string {
  return toUuid(derive(run.key, 'puffle-correlation'));
}
