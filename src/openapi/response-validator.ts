import { createDocumentResolver, type OpenApiDocument } from './document-resolver.js';
import type { Operation, ResponseSpec } from './operation.js';
import { parameterValuesSchema, readParameterValues } from './parameter-values.js';
import type { Problem } from './problem.js';
import { createSchemaCompiler } from './schema-compiler.js';
import { toProblems } from './to-problems.js';

export interface ResponseValidator {
  /** Problems of one response of `operation`; empty when it conforms. `body` is parsed JSON or `undefined`. */
  validate(operation: Operation, status: number, headers: Headers, body: unknown): Problem[];
}

/** The declared response for `status`: the exact code, else its range (`4XX`), else `default`. */
export function findResponse(operation: Operation, status: number): ResponseSpec | undefined {
  const range = `${Math.floor(status / 100)}XX`;
  return (
    operation.responses[String(status)] ??
    operation.responses[range] ??
    operation.responses[range.toLowerCase()] ??
    operation.responses['default']
  );
}

/**
 * Creates a checker for the responses of one OpenAPI 3.1 document, for conformance tests: the status must
 * be declared (exactly, as a range such as `4XX`, or through `default`); a JSON body must match the
 * response schema, and a response declaring no content must have no body; headers declared with
 * `required: true` must be present, and declared headers that are present must match their schema.
 * Schema defaults are never applied, so a missing required field is reported even when it has one.
 *
 * @example
 * const responses = createResponseValidator(document);
 * const problems = responses.validate(operation, response.status, response.headers, await response.json());
 * expect(problems).toEqual([]);
 */
export function createResponseValidator(document: OpenApiDocument): ResponseValidator {
  const resolver = createDocumentResolver(document);
  const compiler = createSchemaCompiler(document, { useDefaults: false });

  function validateHeaders(operation: Operation, spec: ResponseSpec, headers: Headers): Problem[] {
    if (spec.headers.length === 0) return [];
    const values = readParameterValues(resolver, spec.headers, (header) => {
      const value = headers.get(header.name);
      return value === null ? [] : [value];
    });
    const check = compiler.compile(`${operation.id}:${spec.status}:headers`, () =>
      parameterValuesSchema(compiler, spec.headers),
    );
    check(values);
    return toProblems(check.errors, { location: 'header', subject: 'response headers', resolver });
  }

  function validateBody(operation: Operation, spec: ResponseSpec, body: unknown): Problem[] {
    const where = `status ${spec.status} of ${operation.id} (${operation.method} ${operation.path})`;
    if (spec.empty) {
      if (body === undefined) return [];
      return [
        { location: 'body', path: '', message: `response body must be empty: ${where} declares no content` },
      ];
    }
    const declared = spec.body;
    if (declared === undefined) return [];
    if (body === undefined) {
      return [
        {
          location: 'body',
          path: '',
          message: `response body is required: ${where} declares ${declared.mediaType} content`,
        },
      ];
    }
    const check = compiler.compile(`${operation.id}:${spec.status}:body`, () =>
      compiler.ref(declared.pointer),
    );
    check(body);
    return toProblems(check.errors, { location: 'body', subject: 'response body', resolver });
  }

  return {
    validate(operation, status, headers, body) {
      const spec = findResponse(operation, status);
      if (spec === undefined) {
        const declared = Object.keys(operation.responses).join(', ') || 'none';
        return [
          {
            location: 'status',
            path: '',
            message:
              `status ${status} is not declared for ${operation.id} (${operation.method} ${operation.path}); ` +
              `declared: ${declared}. Return a declared status or add it to the document.`,
          },
        ];
      }
      return [...validateHeaders(operation, spec, headers), ...validateBody(operation, spec, body)];
    },
  };
}
