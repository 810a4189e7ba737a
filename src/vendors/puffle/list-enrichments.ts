import type { OperationHandler } from '../../adapter/vendor-definition.js';
import type { components, operations } from '../../generated/puffle.types.js';
import type { EnrichmentDefinition } from '../../scenario/types.js';
import { toCatalogEntry } from './to-catalog-entry.js';

type ListEnrichmentsResponse = components['schemas']['ListEnrichmentsResponse'];

function matchesText(definition: EnrichmentDefinition, q: string): boolean {
  const needle = q.toLowerCase();
  return [definition.slug, definition.name, definition.description].some((text) =>
    text.toLowerCase().includes(needle),
  );
}

/**
 * `GET /api/enrichments`: the scenario's catalog, narrowed by `id` (exact slug) and `q` (case-insensitive
 * substring of slug, name or description); both must match when both are given. No match is an empty list.
 */
export const listEnrichments: OperationHandler<operations['puffleListEnrichments']> = ({
  query,
  context,
}) => {
  const { id, q } = query;
  const { scenario } = context;
  const enrichments = scenario.world.catalog
    .filter(
      (definition) =>
        (id === undefined || definition.slug === id) && (q === undefined || matchesText(definition, q)),
    )
    .map((definition) => toCatalogEntry(scenario.seed, definition));
  const body: ListEnrichmentsResponse = { enrichments };
  return { status: 200, body };
};
