import type { OpenApiDocument } from './document-resolver.js';

/**
 * `create` cached per document: what it builds from a document (an index, a validator) is pure, so every
 * module and every mock in a process shares one, built on first use and kept while the document lives.
 *
 * @example
 * const operationIndexOf = perDocument(createOperationIndex);
 * operationIndexOf(document) === operationIndexOf(document); // true
 */
export function perDocument<T>(create: (document: OpenApiDocument) => T): (document: OpenApiDocument) => T {
  const built = new WeakMap<OpenApiDocument, T>();
  return (document) => {
    let found = built.get(document);
    if (found === undefined) {
      found = create(document);
      built.set(document, found);
    }
    return found;
  };
}
