import type { EnrichmentDefinition, Scenario } from '../scenario/types.js';
import type { FakeData } from './fake-data.js';
import type { Lead } from './lead-list.js';
import { holdsValue, latestWrite } from './lead-writes.js';
import { derive } from './random.js';
import { generateResult, resultSeed, type ResultValue } from './results.js';
import type { Run } from './run.js';
import { isPreEnriched, type Tenant } from './tenant.js';

/** What a lead's attribute holds: the value, when it was written and by which run (null when none did). */
export interface AttributeValue {
  value: ResultValue | null;
  at: number | null;
  runId: string | null;
}

/**
 * Reads a lead's attribute now: the latest completed write of a live run, else the lead's own value, else
 * the scenario's pre-enrichment of generated leads (valued as the first catalog entry writing it would).
 *
 * @example
 * const read = createAttributeReader({ scenario, fake, leadOf, now: clock.now });
 * read(tenant, lead, 'workEmail').value;
 */
export function createAttributeReader({
  scenario,
  fake,
  leadOf,
  now,
}: {
  scenario: Scenario;
  fake: FakeData;
  leadOf: (run: Run, index: number) => Lead | undefined;
  now: () => number;
}) {
  /** The first catalog entry writing each attribute (the enrichment behind a pre-enriched value). */
  const writerOf = new Map<string, EnrichmentDefinition>();
  for (const entry of scenario.world.catalog)
    if (!writerOf.has(entry.outputAttribute)) writerOf.set(entry.outputAttribute, entry);

  return (owner: Tenant, lead: Lead, attribute: string): AttributeValue => {
    const latest = latestWrite(owner, lead.id, attribute, now());
    const written = latest ? leadOf(latest.run, latest.index) : undefined;
    if (latest && written)
      return {
        value: generateResult(latest.run.enrichment, written, resultSeed(latest.run, latest.index), fake),
        at: latest.at,
        runId: latest.run.id,
      };
    if (holdsValue(lead.attributes, attribute))
      return { value: lead.attributes[attribute] ?? null, at: null, runId: null };
    // The scenario's pre-enrichment share applies to generated leads only (as `skip_existing` sees it).
    const list = owner.listsById.get(lead.listId);
    const generated = list !== undefined && lead.index >= list.explicit.length;
    if (generated && isPreEnriched(owner, list, lead.index, attribute)) {
      const definition = writerOf.get(attribute);
      return {
        value: definition
          ? generateResult(definition, lead, derive(list.seed, 'preset', attribute, lead.index), fake)
          : true,
        at: lead.createdAt,
        runId: null,
      };
    }
    return { value: null, at: null, runId: null };
  };
}
