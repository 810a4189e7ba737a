import { createDocumentResolver } from '../../openapi/document-resolver.js';
import type { Problem } from '../../openapi/problem.js';
import { createSchemaCompiler, type SchemaCompiler } from '../../openapi/schema-compiler.js';
import { toProblems } from '../../openapi/to-problems.js';

let compiler: SchemaCompiler | undefined;

/**
 * Checks a run's `input` against an enrichment's `inputSchema` (JSON Schema 2020-12, all errors). The input
 * is checked as the `input` field of a wrapper object, so every problem names the field from the request
 * body's root: `input.focus must be string`, `unknown field: input.extra`. Empty when the input conforms.
 *
 * @example
 * validateInput({ type: 'object', additionalProperties: false }, { extra: 1 });
 * // [{ location: 'body', path: 'input.extra', message: 'unknown field: input.extra' }]
 */
export function validateInput(
  inputSchema: Record<string, unknown>,
  input: Record<string, unknown>,
): Problem[] {
  compiler ??= createSchemaCompiler({}, { useDefaults: false });
  const wrapper = { type: 'object', properties: { input: inputSchema } };
  const check = compiler.compile(`puffle-input:${JSON.stringify(inputSchema)}`, () => wrapper);
  if (check({ input })) return [];
  return toProblems(check.errors, {
    location: 'body',
    subject: 'input',
    resolver: createDocumentResolver(wrapper),
  });
}
