import { describe, expect, it } from 'vitest';
import admin from '../../src/generated/admin.document.js';
import exa from '../../src/generated/exa-websets.document.js';
import puffle from '../../src/generated/puffle.document.js';
import sendkit from '../../src/generated/sendkit.document.js';
import { appendPointer, isRecord, type OpenApiDocument } from '../../src/openapi/document-resolver.js';
import { createSchemaCompiler } from '../../src/openapi/schema-compiler.js';

interface ExampleCase {
  pointer: string;
  schemaPointer: string;
  value: unknown;
}

/** Every `examples` entry of every media type (requests and responses), with the schema it must satisfy. */
function collectExamples(document: OpenApiDocument): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, appendPointer(pointer, i)));
    if (!isRecord(node)) return;
    const { examples, schema } = node;
    if (isRecord(examples) && isRecord(schema) && pointer.includes('/content/')) {
      for (const [name, example] of Object.entries(examples)) {
        if (isRecord(example) && 'value' in example) {
          cases.push({
            pointer: appendPointer(pointer, 'examples', name),
            schemaPointer: appendPointer(pointer, 'schema'),
            value: example['value'],
          });
        }
      }
    }
    for (const [key, child] of Object.entries(node)) visit(child, appendPointer(pointer, key));
  };
  visit(document, '');
  return cases;
}

const documents: [string, OpenApiDocument][] = [
  ['puffle', puffle],
  ['sendkit', sendkit],
  ['exa-websets', exa],
  ['admin', admin],
];

describe.each(documents)('%s OpenAPI document', (_name, document) => {
  const compiler = createSchemaCompiler(document, { useDefaults: false });
  const cases = collectExamples(document);

  it('gives examples for its media types', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it('has only examples that satisfy their own schemas', () => {
    const failures = cases.flatMap(({ pointer, schemaPointer, value }) => {
      const validate = compiler.compile(schemaPointer, () => compiler.ref(schemaPointer));
      return validate(value) ? [] : [`${pointer}: ${JSON.stringify(validate.errors?.slice(0, 2))}`];
    });
    expect(failures).toEqual([]);
  });

  it('detects an example that contradicts its schema', () => {
    const sample = cases.find(({ value }) => isRecord(value) && Object.keys(value).length > 0);
    expect(sample).toBeDefined();
    const schemaPointer = sample?.schemaPointer ?? '';
    const validate = compiler.compile(schemaPointer, () => compiler.ref(schemaPointer));
    expect(validate(42)).toBe(false);
  });
});
