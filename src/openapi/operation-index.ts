import {
  createDocumentResolver,
  appendPointer,
  isRecord,
  type OpenApiDocument,
} from './document-resolver.js';
import { httpMethods, readOperation, type HttpMethod, type Operation } from './operation.js';
import { compareSpecificity, createPathTemplate, type PathTemplate } from './path-template.js';
import { perDocument } from './per-document.js';

export type MatchResult =
  | { readonly kind: 'found'; readonly operation: Operation; readonly params: Record<string, string> }
  | { readonly kind: 'method_not_allowed'; readonly allowed: readonly HttpMethod[] }
  | { readonly kind: 'not_found' };

export interface OperationIndex {
  /** Every operation of the document, in document order. */
  readonly operations: readonly Operation[];
  /** The operation with this operationId, or `undefined`. */
  find(id: string): Operation | undefined;
  /**
   * Routes a request. `pathname` is relative to the document's `paths` (strip any server base path first),
   * not percent-decoded, without query string. `method` is case-insensitive.
   */
  match(method: string, pathname: string): MatchResult;
}

interface Route {
  readonly template: PathTemplate;
  readonly operations: ReadonlyMap<HttpMethod, Operation>;
}

/**
 * Indexes the operations of an OpenAPI 3.1 document and routes requests to them.
 * When several templates fit a path the most specific wins (`/runs/active` beats `/runs/{id}`); if the
 * winner has no operation for the method the result is `method_not_allowed`, even when a less specific
 * template would accept the method, as OpenAPI matches the path before the method.
 * Throws on a malformed document: missing or duplicate operationIds, unresolvable `$ref`s.
 *
 * @example
 * const index = createOperationIndex(document);
 * const result = index.match('GET', '/api/enrichment/run_1/items');
 * if (result.kind === 'found') console.log(result.operation.id, result.params.id);
 */
export function createOperationIndex(document: OpenApiDocument): OperationIndex {
  const resolver = createDocumentResolver(document);
  const paths = isRecord(document['paths']) ? document['paths'] : {};
  const byId = new Map<string, Operation>();
  const routes: Route[] = [];

  for (const path of Object.keys(paths)) {
    const pathItem = resolver.follow(paths[path], appendPointer('/paths', path));
    if (!isRecord(pathItem.value))
      throw new Error(`Failed to index path ${path}: ${pathItem.pointer} is not an object.`);
    const operations = new Map<HttpMethod, Operation>();
    for (const method of httpMethods) {
      if (pathItem.value[method.toLowerCase()] === undefined) continue;
      const operation = readOperation(resolver, pathItem, path, method);
      const clash = byId.get(operation.id);
      if (clash !== undefined) {
        throw new Error(
          `Failed to index ${method} ${path}: operationId "${operation.id}" is already used by ` +
            `${clash.method} ${clash.path}. operationIds must be unique within a document.`,
        );
      }
      byId.set(operation.id, operation);
      operations.set(method, operation);
    }
    if (operations.size > 0) routes.push({ template: createPathTemplate(path), operations });
  }
  routes.sort((a, b) => compareSpecificity(a.template, b.template));

  function match(method: string, pathname: string): MatchResult {
    const parts = pathname.split('/');
    for (const route of routes) {
      const params = route.template.matchSegments(parts);
      if (params === undefined) continue;
      const operation = route.operations.get(method.toUpperCase() as HttpMethod);
      if (operation !== undefined) return { kind: 'found', operation, params };
      return { kind: 'method_not_allowed', allowed: [...route.operations.keys()] };
    }
    return { kind: 'not_found' };
  }

  return { operations: [...byId.values()], find: (id) => byId.get(id), match };
}

/**
 * The operation index of `document`, built once per document and shared (see `perDocument`).
 *
 * @example
 * operationIndexOf(adminDocument).find('adminGetClock')?.path; // '/__admin/clock'
 */
export const operationIndexOf: (document: OpenApiDocument) => OperationIndex =
  perDocument(createOperationIndex);
