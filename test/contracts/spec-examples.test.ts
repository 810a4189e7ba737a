import { describe, expect, it } from 'vitest';
import admin from '../../src/generated/admin.document.js';
import exa from '../../src/generated/exa-websets.document.js';
import puffle from '../../src/generated/puffle.document.js';
import sendkit from '../../src/generated/sendkit.document.js';
import { isRecord, type OpenApiDocument } from '../../src/openapi/document-resolver.js';
import { createSchemaCompiler } from '../../src/openapi/schema-compiler.js';
import { collectExamples } from '../support/spec-examples.js';

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
