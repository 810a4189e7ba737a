import fc from 'fast-check';
import {
  createDocumentResolver,
  isRecord,
  type OpenApiDocument,
} from '../../../src/openapi/document-resolver.js';

type Schema = Readonly<Record<string, unknown>>;

export interface SchemaArbitraryOptions {
  /**
   * Values mixed into every property (or parameter) of this name, next to what its schema generates:
   * known ids and slugs, so generated requests reach past the 404s into the handlers. A parameter looks
   * for `operationId:name` first (`exaGetItem:id`), then for its name.
   */
  readonly hints?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  /** Objects and arrays nested deeper than this get only their required content. Default 4. */
  readonly maxDepth?: number;
}

/** Instants the generators pick dates from: the scenario era, give or take a few years. */
const DATES = { min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z') };

/** JSON Schema string lengths count code points, not graphemes (`é` may be two). */
const codePoints = (value: string): number => [...value].length;

const text = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength, maxLength }) },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'grapheme', minLength, maxLength })
        .filter((value) => codePoints(value) >= minLength && codePoints(value) <= maxLength),
    },
  );

/** JSON Schema keywords that only describe objects. */
const isObjectSchema = (schema: Schema): boolean =>
  schema['type'] === 'object' || 'properties' in schema || 'required' in schema;

/**
 * Builds fast-check arbitraries from the JSON Schemas of an OpenAPI 3.1 document, for the subset the specs
 * use: `$ref`, `oneOf`/`anyOf`/`allOf`, `const`, `enum`, `type` (also as a list, and OpenAPI 3.0
 * `nullable`), objects (`properties`, `required`, `additionalProperties`, `minProperties`, `maxProperties`), arrays
 * (`items`, `minItems`, `maxItems`, `uniqueItems`), strings (`minLength`, `maxLength`, `pattern`, the
 * `date-time` and `uri` formats), integers and numbers (`minimum`, `maximum`, `exclusiveMinimum`) and
 * booleans. Values are *meant* to conform; overlapping `oneOf` branches may make a few of them invalid,
 * which a fuzzer welcomes.
 *
 * @example
 * const schemas = createSchemaArbitraries(document, { hints: { listId: fc.constant('list_prospects') } });
 * fc.sample(schemas.at('/components/schemas/CreateEnrichmentRunRequest'), 3);
 */
export function createSchemaArbitraries(document: OpenApiDocument, options: SchemaArbitraryOptions = {}) {
  const resolver = createDocumentResolver(document);
  const hints = options.hints ?? {};
  const maxDepth = options.maxDepth ?? 4;

  const resolve = (schema: unknown): unknown => resolver.follow(schema, '').value;

  /** `allOf` as one object schema: the branches' properties and required lists merged. */
  const mergeAllOf = (schema: Schema): Schema => {
    const branches = (schema['allOf'] as unknown[]).map(resolve).filter(isRecord);
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const branch of [schema, ...branches]) {
      if (isRecord(branch['properties'])) Object.assign(properties, branch['properties']);
      if (Array.isArray(branch['required'])) required.push(...(branch['required'] as string[]));
    }
    const rest = Object.fromEntries(Object.entries(schema).filter(([keyword]) => keyword !== 'allOf'));
    return { ...rest, type: 'object', properties, required };
  };

  const withHint = (
    names: string | readonly string[],
    arbitrary: fc.Arbitrary<unknown>,
  ): fc.Arbitrary<unknown> => {
    const found = (typeof names === 'string' ? [names] : names).find((name) => Object.hasOwn(hints, name));
    const hint = found === undefined ? undefined : hints[found];
    return hint ? fc.oneof({ weight: 5, arbitrary: hint }, { weight: 1, arbitrary }) : arbitrary;
  };

  function objectOf(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    const properties = isRecord(schema['properties']) ? schema['properties'] : {};
    const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
    const deep = depth >= maxDepth;
    const entries: [string, fc.Arbitrary<unknown>][] = [];
    for (const name of new Set([...Object.keys(properties), ...required])) {
      if (deep && !required.has(name)) continue;
      const property = Object.hasOwn(properties, name) ? properties[name] : { type: 'string' };
      entries.push([name, withHint(name, of(property, depth + 1))]);
    }
    const minKeys = typeof schema['minProperties'] === 'number' ? schema['minProperties'] : 0;
    const maxKeys = typeof schema['maxProperties'] === 'number' ? schema['maxProperties'] : Infinity;
    // `maxProperties` keeps the first keys (the specs bound only objects without required keys).
    const record = fc
      .record(Object.fromEntries(entries), { requiredKeys: [...required] })
      .filter((value) => Object.keys(value).length >= minKeys)
      .map((value) => Object.fromEntries(Object.entries(value).slice(0, maxKeys)));
    const additional = schema['additionalProperties'];
    if (deep || additional === false || additional === undefined) return record;
    const extraValues = isRecord(additional) ? of(additional, depth + 1) : fc.jsonValue({ maxDepth: 2 });
    const extras = fc.dictionary(
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }),
      extraValues,
      {
        maxKeys: 3,
      },
    );
    return fc.tuple(record, extras).map(([known, extra]) => ({ ...extra, ...known }));
  }

  function arrayOf(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    const minLength = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
    const declaredMax = typeof schema['maxItems'] === 'number' ? schema['maxItems'] : Infinity;
    const maxLength = Math.min(declaredMax, depth >= maxDepth ? minLength : minLength + 4);
    const items = of(schema['items'] ?? {}, depth + 1);
    if (schema['uniqueItems'] === true)
      return fc.uniqueArray(items, { minLength, maxLength, selector: (value) => JSON.stringify(value) });
    return fc.array(items, { minLength, maxLength });
  }

  function stringOf(schema: Schema): fc.Arbitrary<unknown> {
    const minLength = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
    const maxLength = Math.min(
      typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Infinity,
      minLength + 24,
    );
    if (schema['format'] === 'date-time')
      return fc.date({ ...DATES, noInvalidDate: true }).map((date) => date.toISOString());
    if (schema['format'] === 'uri') return fc.webUrl();
    if (typeof schema['pattern'] === 'string')
      return fc
        .stringMatching(new RegExp(schema['pattern']))
        .filter((value) => codePoints(value) >= minLength && codePoints(value) <= maxLength);
    return text(minLength, maxLength);
  }

  function numberOf(schema: Schema, integer: boolean): fc.Arbitrary<unknown> {
    const exclusive = typeof schema['exclusiveMinimum'] === 'number' ? schema['exclusiveMinimum'] : undefined;
    const minimum = typeof schema['minimum'] === 'number' ? schema['minimum'] : undefined;
    const min = exclusive !== undefined ? exclusive + (integer ? 1 : Number.EPSILON) : (minimum ?? -1_000);
    const max = typeof schema['maximum'] === 'number' ? schema['maximum'] : Math.max(min, 0) + 1_000;
    const whole = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
    if (integer) return whole;
    const real = fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    return fc.oneof({ weight: 3, arbitrary: whole }, { weight: 1, arbitrary: real });
  }

  function ofType(type: string, schema: Schema, depth: number): fc.Arbitrary<unknown> {
    switch (type) {
      case 'object':
        return objectOf(schema, depth);
      case 'array':
        return arrayOf(schema, depth);
      case 'string':
        return stringOf(schema);
      case 'integer':
        return numberOf(schema, true);
      case 'number':
        return numberOf(schema, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        throw new Error(
          `Cannot generate values of JSON Schema type "${type}": add it to schema-arbitrary.ts.`,
        );
    }
  }

  function of(raw: unknown, depth = 0): fc.Arbitrary<unknown> {
    const value = resolve(raw);
    if (value === true || (isRecord(value) && Object.keys(value).length === 0))
      return fc.jsonValue({ maxDepth: 2 });
    if (!isRecord(value)) throw new Error(`Cannot generate values of schema ${JSON.stringify(value)}.`);
    let schema: Schema = value;
    if (Array.isArray(schema['allOf'])) schema = mergeAllOf(schema);
    const base = ((): fc.Arbitrary<unknown> => {
      if ('const' in schema) return fc.constant(schema['const']);
      if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
      const branches = schema['oneOf'] ?? schema['anyOf'];
      if (Array.isArray(branches)) return fc.oneof(...branches.map((branch) => of(branch, depth)));
      const type = schema['type'];
      if (Array.isArray(type))
        return fc.oneof(...(type as string[]).map((one) => ofType(one, schema, depth)));
      if (typeof type === 'string') return ofType(type, schema, depth);
      return isObjectSchema(schema) ? objectOf(schema, depth) : fc.jsonValue({ maxDepth: 2 });
    })();
    return schema['nullable'] === true ? fc.option(base, { nil: null, freq: 5 }) : base;
  }

  return {
    /** Values of the schema at a JSON pointer of the document (`/components/schemas/Run`). */
    at: (pointer: string): fc.Arbitrary<unknown> => of(resolver.at(pointer)),
    /** Values of a schema object (its `$ref`s resolve against the document). */
    of: (schema: unknown): fc.Arbitrary<unknown> => of(schema),
    /** `of`, mixed with the hint for the first of `names` that has one. */
    named: (names: string | readonly string[], schema: unknown): fc.Arbitrary<unknown> =>
      withHint(names, of(schema)),
  };
}

export type SchemaArbitraries = ReturnType<typeof createSchemaArbitraries>;
