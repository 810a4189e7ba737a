import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { scenarioFileSchema } from './file-schema.js';
import { toPathText, type ScenarioProblem, type ValuePath } from './problem.js';
import type { SourceDocument } from './source-document.js';
import { didYouMean } from './suggest.js';

let compiled: ValidateFunction | undefined;

/** The compiled file schema (compiled once, on first use). */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({
      allErrors: true,
      verbose: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
    });
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    addFormats.default(ajv, ['date-time']);
    compiled = ajv.compile(scenarioFileSchema);
  }
  return compiled;
}

/** Splits a JSON Pointer into a path, turning the segments that index arrays into numbers. */
function toValuePath(pointer: string, data: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let value = data;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) {
      path.push(Number(part));
      value = value[Number(part)];
    } else {
      path.push(part);
      value =
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    }
  }
  return path;
}

const schemaText = (schema: unknown, key: string): string | undefined => {
  const value =
    schema !== null && typeof schema === 'object' ? (schema as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
};

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping (key: value pairs)',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'null',
};

const quoteAll = (values: readonly unknown[]): string =>
  values.map((value) => JSON.stringify(value)).join(', ');

/** The path the problem is reported at, whether the line is that of a key, and the message. */
function describe(
  error: ErrorObject,
  path: ValuePath,
  data: unknown,
): { path: ValuePath; key: boolean; message: string } {
  const custom = schemaText(error.parentSchema, 'errorMessage');
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: [...path], key: false, message: `${String(params['missingProperty'])} is required` };
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      const known = Object.keys(
        (error.parentSchema?.['properties'] as Record<string, unknown> | undefined) ?? {},
      );
      const hint = didYouMean(name, known) || (known.length > 0 ? ` (known: ${known.join(', ')})` : '');
      return { path: [...path, name], key: true, message: `unknown property${hint}` };
    }
    case 'dependentRequired':
      return {
        path: [...path, String(params['property'])],
        key: true,
        message: `only applies together with ${String(params['missingProperty'])}`,
      };
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[] | undefined) ?? [];
      const hint = typeof data === 'string' ? didYouMean(data, allowed.map(String), { byPrefix: true }) : '';
      const list = allowed.length <= 12 ? quoteAll(allowed) : `the ${allowed.length} values the schema lists`;
      return { path, key: false, message: `must be one of ${list} (got ${JSON.stringify(data)})${hint}` };
    }
    case 'type': {
      if (path.length === 0 && data === null)
        return { path, key: false, message: 'the file is empty: a scenario needs at least a description' };
      const types = Array.isArray(params['type']) ? (params['type'] as string[]) : [String(params['type'])];
      return {
        path,
        key: false,
        message: custom ?? `must be ${types.map((type) => TYPE_WORDS[type] ?? type).join(' or ')}`,
      };
    }
    case 'pattern':
      return {
        path,
        key: false,
        message:
          schemaText(error.parentSchema, 'patternErrorMessage') ??
          custom ??
          `must match ${String(params['pattern'])}`,
      };
    case 'format':
    case 'oneOf':
    case 'anyOf':
    case 'minProperties':
    case 'maxProperties':
      return { path, key: false, message: custom ?? error.message ?? 'is not valid' };
    case 'minimum':
    case 'maximum': {
      const { minimum, maximum } = (error.parentSchema ?? {}) as { minimum?: number; maximum?: number };
      const range =
        minimum !== undefined && maximum !== undefined
          ? `must be between ${minimum} and ${maximum}`
          : undefined;
      return {
        path,
        key: false,
        message: `${range ?? error.message ?? 'is out of range'} (got ${JSON.stringify(data)})`,
      };
    }
    case 'minItems':
      return { path, key: false, message: `must have at least ${String(params['limit'])} item(s)` };
    case 'maxItems':
    case 'items':
      return { path, key: false, message: `must have at most ${String(params['limit'])} item(s)` };
    case 'minLength':
      return {
        path,
        key: false,
        message: params['limit'] === 1 ? 'must not be empty' : (error.message ?? 'is too short'),
      };
    case 'uniqueItems':
      return {
        path,
        key: false,
        message: `must not repeat a value (items ${String(params['j'])} and ${String(params['i'])} are equal)`,
      };
    default:
      return { path, key: false, message: error.message ?? 'is not valid' };
  }
}

/**
 * Drops the errors of the branches of a failed oneOf/anyOf: the branch's own message explains them.
 * (Only branches written inline are recognised: a `$ref` inside a branch resets the schema path, so the
 * file schema keeps its branches inline.)
 */
function prune(errors: readonly ErrorObject[]): ErrorObject[] {
  const branches = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  return errors.filter(
    (error) =>
      !branches.some(
        (branch) =>
          branch !== error &&
          error.schemaPath.startsWith(`${branch.schemaPath}/`) &&
          error.instancePath.startsWith(branch.instancePath),
      ),
  );
}

/**
 * Validates one file's data against the file schema; every error becomes a problem with its path and
 * line.
 *
 * @example
 * const problems = checkSchema(source); // [] when the file is valid
 */
export function checkSchema(source: SourceDocument): ScenarioProblem[] {
  const validate = validator();
  if (validate(source.value)) return [];
  const seen = new Set<string>();
  const problems: ScenarioProblem[] = [];
  for (const error of prune(validate.errors ?? [])) {
    const described = describe(error, toValuePath(error.instancePath, source.value), error.data);
    const path = toPathText(described.path);
    if (seen.has(`${path}\0${described.message}`)) continue;
    seen.add(`${path}\0${described.message}`);
    const line = source.lineOf(described.path, { key: described.key })?.line;
    problems.push({ path, ...(line === undefined ? {} : { line }), message: described.message });
  }
  return problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}
