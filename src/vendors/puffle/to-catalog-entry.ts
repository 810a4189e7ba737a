import { derive, toUuid } from '../../core/random.js';
import type { components } from '../../generated/puffle.types.js';
import { OUTPUT_KINDS } from '../../core/output-kinds.js';
import type { EnrichmentDefinition } from '../../scenario/types.js';

type Enrichment = components['schemas']['Enrichment'];

/** The name the mock gives the provider behind every enrichment (`toolBinding.provider`, item metadata). */
export const PUFFLE_PROVIDER = 'enrichment-mock';

function outputSchema(definition: EnrichmentDefinition): Record<string, unknown> {
  const { kind, options } = definition.output;
  return kind === 'options' && options ? { type: 'string', enum: options } : OUTPUT_KINDS[kind];
}

/** The catalog id of an enrichment: a UUID drawn from the scenario seed and the slug, stable across calls. */
export function enrichmentUuid(seed: number, definition: EnrichmentDefinition): string {
  return toUuid(derive(seed, 'puffle-enrichment', definition.slug));
}

/** The credit action an enrichment is billed under. */
export function creditAction(definition: EnrichmentDefinition): string {
  return `enrichment.${definition.slug}`;
}

/**
 * A scenario catalog entry in Puffle's words (`GET /api/enrichments`, and the run ledger's
 * `enrichment.snapshot`). `version` is a string here, as Puffle's catalog reports it.
 *
 * @example
 * toCatalogEntry(scenario.seed, scenario.world.catalog[0]).costModel; // { creditAction: 'enrichment.work_email' }
 */
export function toCatalogEntry(seed: number, definition: EnrichmentDefinition): Enrichment {
  return {
    id: enrichmentUuid(seed, definition),
    slug: definition.slug,
    name: definition.name,
    description: definition.description,
    subject: definition.subject,
    version: String(definition.version),
    enabled: definition.enabled,
    visibility: 'public',
    inputSchema: definition.inputSchema,
    outputSchema: outputSchema(definition),
    defaultOutput: { target: 'lead_attribute', attributeKey: definition.outputAttribute },
    defaultOutputAttributeKey: definition.outputAttribute,
    outputOverridePolicy: definition.outputOverride ?? 'allowed',
    costModel: { creditAction: creditAction(definition) },
    toolBinding: { kind: 'provider', provider: PUFFLE_PROVIDER, operation: definition.slug },
  };
}
