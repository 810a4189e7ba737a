import { forgetWrites } from './lead-writes.js';
import type { Run } from './run.js';
import { RETIRED_RUNS_KEPT, type Tenant } from './tenant.js';

/**
 * Moves the tenant's runs expired by `t` to its retired runs (what they wrote stays on the leads), keeps
 * the newest `RETIRED_RUNS_KEPT` of those, and forgets the rest (and deleted runs) from the write index.
 *
 * @example
 * for (const tenant of tenants) sweepExpired(tenant, clock.now());
 */
export function sweepExpired(owner: Tenant, t: number): void {
  const dropped = new Set<Run>();
  for (const [id, run] of owner.runs) {
    if (run.expiresAt === null || run.expiresAt > t) continue;
    owner.runs.delete(id);
    if (run.deletedAt === null) owner.retired.push(run);
    else dropped.add(run);
  }
  if (owner.retired.length > RETIRED_RUNS_KEPT)
    for (const run of owner.retired.splice(0, owner.retired.length - RETIRED_RUNS_KEPT)) dropped.add(run);
  forgetWrites(owner, dropped);
}
