import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { OpenApiDocument } from './document-resolver.js';

/** The `$id` the document is registered under inside each compiler's own Ajv instance. */
const documentId = 'https://enrichment-mock.invalid/openapi-document.json';

export interface SchemaCompiler {
  /** A `{ $ref }` to the schema at `pointer` (a JSON pointer into the document). */
  ref(pointer: string): { readonly $ref: string };
  /** Compiles `schema` once; `$ref`s made with `ref()` resolve against the document. */
  compile(key: string, schema: () => object): ValidateFunction;
}

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/**
 * Creates an Ajv (JSON Schema 2020-12) instance with the whole document registered under one `$id`, so
 * every `#/components/...` reference inside the document resolves. Errors are `verbose` (they carry the
 * failing data and schema objects, which `toProblems` needs) and collected with `allErrors`.
 * Unknown keywords (`discriminator`, `example`) and unknown formats are ignored, as OpenAPI allows.
 *
 * @example
 * const compiler = createSchemaCompiler(document, { useDefaults: true });
 * const validate = compiler.compile('createRun:body', () => compiler.ref('/components/schemas/CreateRun'));
 * validate({ scope: { type: 'list' } });
 */
export function createSchemaCompiler(
  document: OpenApiDocument,
  options: { readonly useDefaults: boolean },
): SchemaCompiler {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    verbose: true,
    useDefaults: options.useDefaults,
    logger: false,
  });
  addFormats.default(ajv);
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= int32.min && n <= int32.max,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  for (const name of ['float', 'double']) ajv.addFormat(name, { type: 'number', validate: () => true });
  for (const name of ['byte', 'binary', 'password']) ajv.addFormat(name, true);
  ajv.addSchema({ ...document, $id: documentId });
  const cache = new Map<string, ValidateFunction>();

  return {
    ref(pointer) {
      const fragment = pointer.split('/').map(encodeURIComponent).join('/');
      return { $ref: `${documentId}#${fragment}` };
    },
    compile(key, schema) {
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const validate = ajv.compile(schema());
      cache.set(key, validate);
      return validate;
    },
  };
}
