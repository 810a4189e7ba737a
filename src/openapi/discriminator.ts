import { isRecord, type DocumentResolver } from './document-resolver.js';

/** The property that tells the alternatives of a `oneOf`/`anyOf` apart, and which value selects which branch. */
export interface Discriminator {
  readonly propertyName: string;
  /** Every value that selects a branch, in branch order. */
  readonly values: readonly unknown[];
  /** The index of the branch that `value` selects, or `undefined` when no branch declares it. */
  branchOf(value: unknown): number | undefined;
}

/** Values a branch pins `propertyName` to with `const` or `enum`, looking through `$ref`s and `allOf`. */
function pinnedValues(
  resolver: DocumentResolver,
  schema: unknown,
  propertyName: string,
  seen = new Set<unknown>(),
): unknown[] {
  const { value } = resolver.follow(schema, '');
  if (!isRecord(value) || seen.has(value)) return [];
  seen.add(value);
  const found: unknown[] = [];
  const properties = value['properties'];
  if (isRecord(properties) && properties[propertyName] !== undefined) {
    const property = resolver.follow(properties[propertyName], '').value;
    if (isRecord(property) && property['const'] !== undefined) found.push(property['const']);
    if (isRecord(property) && Array.isArray(property['enum'])) found.push(...(property['enum'] as unknown[]));
  }
  const allOf = value['allOf'];
  if (Array.isArray(allOf))
    for (const part of allOf) found.push(...pinnedValues(resolver, part, propertyName, seen));
  return found;
}

/** Values an OpenAPI `discriminator` object assigns to a `$ref` branch: its mapping keys, else the schema name. */
function mappedValues(discriminator: Readonly<Record<string, unknown>>, branch: unknown): unknown[] {
  const ref = isRecord(branch) ? branch['$ref'] : undefined;
  if (typeof ref !== 'string') return [];
  const mapping = isRecord(discriminator['mapping']) ? discriminator['mapping'] : {};
  const mapped = Object.keys(mapping).filter((key) => {
    const target = mapping[key];
    return target === ref || ref === `#/components/schemas/${String(target)}`;
  });
  if (mapped.length > 0 || Object.keys(mapping).length > 0) return mapped;
  const name = /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1];
  return name === undefined ? [] : [name];
}

function build(propertyName: string, valuesByBranch: readonly unknown[][]): Discriminator | undefined {
  const branchByValue = new Map<unknown, number>();
  valuesByBranch.forEach((values, index) => {
    for (const value of values) if (!branchByValue.has(value)) branchByValue.set(value, index);
  });
  if (branchByValue.size === 0) return undefined;
  return { propertyName, values: [...branchByValue.keys()], branchOf: (value) => branchByValue.get(value) };
}

/**
 * Finds the property that selects a branch of `oneOf`/`anyOf`: the OpenAPI `discriminator.propertyName` of
 * the schema holding the alternatives when there is one (values from `const`/`enum`, `mapping` or schema
 * names), otherwise a property, `type` first, that every branch pins with `const` or `enum`. `undefined`
 * when no property tells the branches apart.
 *
 * @example
 * findDiscriminator(resolver, { oneOf: branches }, [
 *   { properties: { type: { const: 'leads' } } },
 *   { properties: { type: { const: 'list' } } },
 * ])?.branchOf('list'); // 1
 */
export function findDiscriminator(
  resolver: DocumentResolver,
  parentSchema: unknown,
  branches: readonly unknown[],
): Discriminator | undefined {
  const declared = isRecord(parentSchema) ? parentSchema['discriminator'] : undefined;
  if (isRecord(declared) && typeof declared['propertyName'] === 'string') {
    const propertyName = declared['propertyName'];
    return build(
      propertyName,
      branches.map((branch) => [
        ...pinnedValues(resolver, branch, propertyName),
        ...mappedValues(declared, branch),
      ]),
    );
  }
  const first = resolver.follow(branches[0], '').value;
  const candidates = new Set([
    'type',
    ...Object.keys(isRecord(first) && isRecord(first['properties']) ? first['properties'] : {}),
  ]);
  for (const propertyName of candidates) {
    const valuesByBranch = branches.map((branch) => pinnedValues(resolver, branch, propertyName));
    if (valuesByBranch.every((values) => values.length > 0)) return build(propertyName, valuesByBranch);
  }
  return undefined;
}
