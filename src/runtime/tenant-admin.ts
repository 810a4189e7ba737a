import type { ScenarioContext } from './mock-runtime.js';

/** How many lead ids of each list the tenant description includes. */
const LEAD_IDS_SHOWN = 100;

/**
 * A tenant's world as a client can discover it: credits, revocation, lists with their first lead ids,
 * and the enrichment catalog.
 */
export function describeTenant(context: ScenarioContext, key: string) {
  const { simulator, scenario } = context;
  const tenant = simulator.tenant(key);
  return {
    key,
    scenario: scenario.name,
    credits: tenant.credits,
    revoked: tenant.revoked,
    lists: tenant.lists.map((list) => ({
      id: list.id,
      name: list.name,
      subject: list.subject,
      leadCount: list.size,
      leadIds: Array.from(
        { length: Math.min(list.size, LEAD_IDS_SHOWN) },
        (_, index) => simulator.leadAt(list, index)?.id ?? '',
      ),
    })),
    catalog: scenario.world.catalog.map((entry) => ({
      slug: entry.slug,
      name: entry.name,
      subject: entry.subject,
      creditCost: entry.creditCost,
      outputAttribute: entry.outputAttribute,
    })),
  };
}

/** Sets a tenant's credits and/or revokes (or restores) its key. */
export function updateTenant(
  context: ScenarioContext,
  key: string,
  change: { credits?: number; revoked?: boolean },
): ReturnType<typeof describeTenant> {
  const tenant = context.simulator.tenant(key);
  if (change.credits !== undefined) tenant.credits = change.credits;
  if (change.revoked !== undefined) tenant.revoked = change.revoked;
  return describeTenant(context, key);
}
