/**
 * A loose view of an OpenAPI 3.1 document: the generated `src/generated/<name>.document.ts` modules export
 * `Record<string, unknown>`, so every reader checks shapes at runtime and throws on a broken document.
 */
export type OpenApiDocument = Readonly<Record<string, unknown>>;

/** A JSON Schema as it appears in an OpenAPI 3.1 document (2020-12 dialect). */
export type JsonSchema = boolean | Readonly<Record<string, unknown>>;

/** A value found in the document together with the JSON pointer of where it lives. */
export interface Located {
  readonly value: unknown;
  readonly pointer: string;
}

/** Reads values out of one document by JSON pointer and follows local `$ref`s. */
export interface DocumentResolver {
  /** The value at `pointer` (`""` is the whole document), or `undefined` when nothing is there. */
  at(pointer: string): unknown;
  /**
   * Follows `value`'s `$ref` chain (if any) and returns the final target with its pointer. `pointer` says
   * where `value` itself lives (`""` when unknown); it is returned unchanged when `value` is no reference.
   */
  follow(value: unknown, pointer: string): Located;
}

/**
 * True for plain, non-array objects.
 *
 * @example
 * isRecord({ type: 'string' }); // true
 * isRecord(['a']); // false
 */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Appends reference tokens to a JSON pointer, escaping `~` and `/` as RFC 6901 requires.
 *
 * @example
 * appendPointer('/paths', '/runs/{id}', 'get'); // '/paths/~1runs~1{id}/get'
 */
export function appendPointer(pointer: string, ...tokens: readonly (string | number)[]): string {
  return (
    pointer + tokens.map((token) => '/' + String(token).replaceAll('~', '~0').replaceAll('/', '~1')).join('')
  );
}

/**
 * Creates a resolver for the local (`#/...`) references of `document`.
 * External references (`other.yaml#/...`) are not supported: bundle the document first.
 *
 * @example
 * const resolver = createDocumentResolver(document);
 * const { value, pointer } = resolver.follow({ $ref: '#/components/schemas/Run' }, '/paths/...');
 * // value: the Run schema, pointer: '/components/schemas/Run'
 */
export function createDocumentResolver(document: OpenApiDocument): DocumentResolver {
  function at(pointer: string): unknown {
    if (pointer === '') return document;
    let current: unknown = document;
    for (const raw of pointer.slice(1).split('/')) {
      const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      if (Array.isArray(current)) current = current[Number(token)];
      else if (isRecord(current) && Object.hasOwn(current, token)) current = current[token];
      else return undefined;
    }
    return current;
  }

  function follow(value: unknown, pointer: string): Located {
    const seen = new Set<string>();
    let located: Located = { value, pointer };
    while (isRecord(located.value) && typeof located.value['$ref'] === 'string') {
      const ref = located.value['$ref'];
      const where = located.pointer === '' ? 'an inline schema' : located.pointer;
      if (!ref.startsWith('#')) {
        throw new Error(
          `Failed to resolve "$ref: ${ref}" at ${where}: only local references ("#/components/...") are ` +
            'supported. Bundle the document (for example with `redocly bundle`) before loading it.',
        );
      }
      const target = decodeURIComponent(ref.slice(1));
      if (seen.has(target)) {
        throw new Error(`Failed to resolve "$ref: ${ref}" at ${where}: the references form a cycle.`);
      }
      seen.add(target);
      const next = at(target);
      if (next === undefined) {
        throw new Error(
          `Failed to resolve "$ref: ${ref}" at ${where}: nothing exists at ${target}. ` +
            'Fix the reference or add the missing component.',
        );
      }
      located = { value: next, pointer: target };
    }
    return located;
  }

  return { at, follow };
}
