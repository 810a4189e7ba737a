import { isRecord, type DocumentResolver } from './document-resolver.js';
import type { Parameter } from './operation.js';
import type { SchemaCompiler } from './schema-compiler.js';

/** The JSON types a schema admits, looking through `$ref`, `oneOf`, `anyOf`, `allOf`, `enum` and `const`. */
function admittedTypes(resolver: DocumentResolver, schema: unknown, seen = new Set<unknown>()): Set<string> {
  const { value } = resolver.follow(schema, '');
  const types = new Set<string>();
  if (!isRecord(value) || seen.has(value)) return types;
  seen.add(value);
  const type = value['type'];
  for (const name of Array.isArray(type) ? type : [type]) if (typeof name === 'string') types.add(name);
  const listed: unknown[] = Array.isArray(value['enum']) ? value['enum'] : [];
  const pinned = [...listed, ...('const' in value ? [value['const']] : [])];
  for (const allowed of pinned) types.add(typeof allowed === 'number' ? 'number' : typeof allowed);
  for (const keyword of ['oneOf', 'anyOf', 'allOf']) {
    const branches = value[keyword];
    if (Array.isArray(branches))
      for (const branch of branches)
        for (const name of admittedTypes(resolver, branch, seen)) types.add(name);
  }
  return types;
}

/** The `items` schema of an array schema, looking through `$ref` and alternatives. */
function itemsSchema(resolver: DocumentResolver, schema: unknown): unknown {
  const { value } = resolver.follow(schema, '');
  if (!isRecord(value)) return undefined;
  if (value['items'] !== undefined) return value['items'];
  for (const keyword of ['oneOf', 'anyOf', 'allOf']) {
    const branches = value[keyword];
    const found = Array.isArray(branches)
      ? branches.map((branch) => itemsSchema(resolver, branch)).find(Boolean)
      : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A string as the first type it fits of integer, number and boolean; left a string otherwise, for Ajv to
 * report. Booleans are `true`/`false` in any letter case, since Python clients send `True`/`False`.
 */
function coerceScalar(raw: string, types: ReadonlySet<string>): unknown {
  if (types.has('integer') && /^-?\d+$/.test(raw)) return Number(raw);
  if (types.has('number') && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  const lower = raw.toLowerCase();
  if (types.has('boolean') && (lower === 'true' || lower === 'false')) return lower === 'true';
  return raw;
}

function schemaDefault(resolver: DocumentResolver, schema: unknown): unknown {
  if (isRecord(schema) && schema['default'] !== undefined) return schema['default'];
  const { value } = resolver.follow(schema, '');
  return isRecord(value) ? value['default'] : undefined;
}

/**
 * Converts the raw strings of one parameter to its schema's type. Arrays come from repeated query keys
 * (`?ids=a&ids=b`, also `?ids[]=a`) or, for `explode: false` query parameters, headers and path
 * parameters, from comma-separated values; their items are coerced too.
 */
function coerceParameter(resolver: DocumentResolver, parameter: Parameter, raw: readonly string[]): unknown {
  const types = admittedTypes(resolver, parameter.schema);
  if (!types.has('array')) return coerceScalar(raw[0] ?? '', types);
  const items =
    parameter.in === 'query' && parameter.explode ? raw : raw.flatMap((value) => value.split(','));
  const itemTypes = admittedTypes(resolver, itemsSchema(resolver, parameter.schema));
  return items.map((item) => coerceScalar(parameter.in === 'header' ? item.trim() : item, itemTypes));
}

/**
 * Collects the coerced values of `parameters` into a plain object keyed by parameter name. A parameter the
 * request lacks gets its schema `default` when it is optional, and is left out otherwise. The object is
 * built with `Object.fromEntries`, so a parameter named `__proto__` is a plain own property.
 *
 * @example
 * readParameterValues(resolver, [limit, types], (parameter) => url.searchParams.getAll(parameter.name));
 * // ?types=email&types=phone -> { limit: 25, types: ['email', 'phone'] } (limit from its default)
 */
export function readParameterValues(
  resolver: DocumentResolver,
  parameters: readonly Parameter[],
  rawValues: (parameter: Parameter) => readonly string[],
): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  for (const parameter of parameters) {
    const raw = rawValues(parameter);
    if (raw.length > 0) entries.push([parameter.name, coerceParameter(resolver, parameter, raw)]);
    else if (!parameter.required) {
      const fallback = schemaDefault(resolver, parameter.schema);
      if (fallback !== undefined) entries.push([parameter.name, structuredClone(fallback)]);
    }
  }
  return Object.fromEntries(entries);
}

/**
 * The schema an object of parameter values must match: each value against its parameter's schema,
 * required parameters present.
 *
 * @example
 * const validate = compiler.compile('listItems:query', () => parameterValuesSchema(compiler, queryParameters));
 * validate(readParameterValues(resolver, queryParameters, rawValues));
 */
export function parameterValuesSchema(compiler: SchemaCompiler, parameters: readonly Parameter[]): object {
  return {
    type: 'object',
    properties: Object.fromEntries(
      parameters.map((parameter) => [parameter.name, compiler.ref(parameter.pointer)]),
    ),
    required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  };
}
