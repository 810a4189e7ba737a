import { derive, hashString, mix } from '../core/random.js';
import { createDocumentResolver, isRecord, type OpenApiDocument } from '../openapi/document-resolver.js';
import type { Operation } from '../openapi/operation.js';
import type { Scenario } from '../scenario/types.js';
import { findResponse } from '../openapi/response-validator.js';

/** The additive field the client-tolerance scenario puts into every response object. */
export const ADDITIVE_FIELD = 'x_mock_additive';

/**
 * Reshapes a success body in the ways the vendors reserve the right to, as the scenario's `tolerance`
 * asks, never changing what it means: an unknown additive field in each object the schema describes
 * field by field (not in free-form maps such as metadata or results), optional fields the body leaves out
 * sent as null where the schema allows null (a field that has a value keeps it: a null `nextCursor`,
 * `cancelledAt` or `externalId` would say something else), keys in another order. The result still
 * conforms to the operation's response schema.
 */
export function applyTolerance(
  body: unknown,
  scenario: Scenario,
  operation: Operation,
  status: number,
  document: OpenApiDocument,
  requestId: string,
): unknown {
  const { extraFields, nullOptional, shuffleKeys } = scenario.tolerance;
  if (!extraFields && !nullOptional && !shuffleKeys) return body;
  const resolver = createDocumentResolver(document);
  const spec = findResponse(operation, status);
  let counter = derive(scenario.seed, 'tolerance', hashString(requestId));

  const resolve = (schema: unknown): Record<string, unknown> | undefined => {
    const found = resolver.follow(schema, '').value;
    return isRecord(found) ? found : undefined;
  };
  const allowsNull = (schema: Record<string, unknown> | undefined): boolean => {
    if (!schema) return false;
    const type = schema['type'];
    if (type === 'null' || (Array.isArray(type) && type.includes('null'))) return true;
    const branches = schema['oneOf'] ?? schema['anyOf'];
    return Array.isArray(branches) && branches.some((branch) => allowsNull(resolve(branch)));
  };

  const walk = (value: unknown, schema: Record<string, unknown> | undefined): unknown => {
    if (Array.isArray(value)) {
      const items = schema ? resolve(schema['items']) : undefined;
      return value.map((entry) => walk(entry, items));
    }
    if (!isRecord(value)) return value;
    const properties = schema && isRecord(schema['properties']) ? schema['properties'] : {};
    const out: Record<string, unknown> = {};
    let keys = Object.keys(value);
    if (shuffleKeys) {
      keys = keys
        .map((key) => ({ key, rank: (counter = mix(counter, hashString(key))) }))
        .sort((a, b) => a.rank - b.rank)
        .map(({ key }) => key);
    }
    for (const key of keys) out[key] = walk(value[key], resolve(properties[key]));
    // Only a field that is genuinely absent may come as null: it means the same.
    if (nullOptional)
      for (const key of Object.keys(properties))
        if (!(key in value) && allowsNull(resolve(properties[key]))) out[key] = null;
    const structured = Object.keys(properties).length > 0;
    if (
      extraFields &&
      structured &&
      [undefined, true].includes(schema?.['additionalProperties'] as boolean | undefined)
    )
      out[ADDITIVE_FIELD] = { note: 'unknown additive field: clients must ignore it' };
    return out;
  };

  return walk(body, spec?.body ? resolve(spec.body.schema) : undefined);
}
