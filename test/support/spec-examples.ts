import { appendPointer, isRecord, type OpenApiDocument } from '../../src/openapi/document-resolver.js';

export interface ExampleCase {
  pointer: string;
  schemaPointer: string;
  value: unknown;
}

/** Every `examples` entry of every media type (requests and responses), with the schema it must satisfy. */
export function collectExamples(document: OpenApiDocument): ExampleCase[] {
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
