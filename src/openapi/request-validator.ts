import type { HeaderReader } from '../http/plain-request.js';
import { createDocumentResolver, type OpenApiDocument } from './document-resolver.js';
import type { Operation, Parameter } from './operation.js';
import { parameterValuesSchema, readParameterValues } from './parameter-values.js';
import type { Problem } from './problem.js';
import { createSchemaCompiler } from './schema-compiler.js';
import { toProblems } from './to-problems.js';

/** A request as the router and body reader left it: nothing coerced yet. */
export interface RequestInput {
  /** Path parameters from `OperationIndex.match`, already percent-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: HeaderReader;
  /** The parsed JSON body from `readJsonBody`, `undefined` when the request had none. */
  readonly body: unknown;
}

/**
 * A request that conforms to its operation: parameters coerced to their schema types, optional missing
 * ones filled with their defaults, the body a copy with schema defaults applied.
 * Only declared parameters appear, keyed by their name in the document (headers too, in its spelling).
 * Objects are plain: a JSON body may carry an own `__proto__` key, so read fields explicitly or copy with
 * spread/`structuredClone`; never feed them to `Object.assign` or a deep merge.
 */
export interface ValidRequest {
  readonly params: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly headers: Record<string, unknown>;
  /** `undefined` when the request had no body or the operation declares no JSON request body. */
  readonly body: unknown;
}

export type RequestValidation =
  | { readonly ok: true; readonly value: ValidRequest }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export interface RequestValidator {
  validate(operation: Operation, input: RequestInput): RequestValidation;
}

type ParameterLocation = 'path' | 'query' | 'header';

function rawValues(input: RequestInput, parameter: Parameter): readonly string[] {
  if (parameter.in === 'path') {
    const value = input.params[parameter.name];
    return value === undefined ? [] : [value];
  }
  if (parameter.in === 'query')
    return [...input.query.getAll(parameter.name), ...input.query.getAll(`${parameter.name}[]`)];
  const value = input.headers.get(parameter.name);
  return value === null ? [] : [value];
}

/**
 * Creates a validator for the requests of one OpenAPI 3.1 document. Query, path and header strings are
 * coerced to their parameter schema types (integer, number, boolean `true`/`false`, arrays), defaults are
 * applied, then everything is checked with Ajv (JSON Schema 2020-12, formats, all errors). Validators are
 * compiled on first use and cached per operation. Cookie parameters and security are not checked, and a
 * body sent to an operation that declares none is ignored.
 *
 * @example
 * const validator = createRequestValidator(document);
 * const result = validator.validate(operation, { params, query: url.searchParams, headers: request.headers, body });
 * if (!result.ok) return badRequest(result.problems); // [{ location: 'query', path: 'limit', message: 'limit must be integer' }]
 */
export function createRequestValidator(document: OpenApiDocument): RequestValidator {
  const resolver = createDocumentResolver(document);
  const compiler = createSchemaCompiler(document, { useDefaults: true });

  function validateParameters(operation: Operation, location: ParameterLocation, input: RequestInput) {
    const parameters = operation.parameters.filter((parameter) => parameter.in === location);
    const values = readParameterValues(resolver, parameters, (parameter) => rawValues(input, parameter));
    if (parameters.length === 0) return { values, problems: [] };
    const check = compiler.compile(`${operation.id}:${location}`, () =>
      parameterValuesSchema(compiler, parameters),
    );
    check(values);
    return {
      values,
      problems: toProblems(check.errors, { location, subject: `${location} parameters`, resolver }),
    };
  }

  function validateBody(operation: Operation, body: unknown): { value: unknown; problems: Problem[] } {
    const declared = operation.requestBody;
    if (declared === undefined) return { value: undefined, problems: [] };
    if (body === undefined) {
      const problems: Problem[] = declared.required
        ? [{ location: 'body', path: '', message: 'request body is required' }]
        : [];
      return { value: undefined, problems };
    }
    const check = compiler.compile(`${operation.id}:body`, () => compiler.ref(declared.pointer));
    let value: unknown;
    try {
      value = structuredClone(body);
      check(value);
    } catch (error) {
      // Copying and checking recurse: a body nested deeper than the stack allows (readJsonBody refuses
      // those, but a caller may pass any value) is a problem of the request, not a crash.
      if (!(error instanceof RangeError)) throw error;
      return {
        value: undefined,
        problems: [{ location: 'body', path: '', message: 'request body nests too deeply to validate' }],
      };
    }
    return {
      value,
      problems: toProblems(check.errors, { location: 'body', subject: 'request body', resolver }),
    };
  }

  return {
    validate(operation, input) {
      const path = validateParameters(operation, 'path', input);
      const query = validateParameters(operation, 'query', input);
      const header = validateParameters(operation, 'header', input);
      const body = validateBody(operation, input.body);
      const problems = [...path.problems, ...query.problems, ...header.problems, ...body.problems];
      if (problems.length > 0) return { ok: false, problems };
      return {
        ok: true,
        value: { params: path.values, query: query.values, headers: header.values, body: body.value },
      };
    },
  };
}
