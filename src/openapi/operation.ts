import {
  appendPointer,
  isRecord,
  type DocumentResolver,
  type JsonSchema,
  type Located,
} from './document-resolver.js';

export const httpMethods = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** A schema together with the JSON pointer of where it lives in the document (validators compile by pointer). */
export interface LocatedSchema {
  readonly schema: JsonSchema;
  readonly pointer: string;
}

/** A path, query, header or cookie parameter with its `$ref`s resolved; also used for response headers. */
export interface Parameter extends LocatedSchema {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  /** `false` only for `style: form, explode: false` query arrays (`?ids=a,b`); repeated keys otherwise. */
  readonly explode: boolean;
}

/** The JSON request body of an operation. */
export interface RequestBody extends LocatedSchema {
  readonly required: boolean;
  readonly mediaType: string;
}

/** The JSON content of a response. */
export interface ResponseBody extends LocatedSchema {
  readonly mediaType: string;
}

export interface ResponseSpec {
  /** The key in `responses`: `"200"`, `"4XX"` or `"default"`. */
  readonly status: string;
  readonly headers: readonly Parameter[];
  /** The JSON content, if the response declares one. */
  readonly body: ResponseBody | undefined;
  /** True when the response declares no `content` at all, so its body must be empty. */
  readonly empty: boolean;
}

/** One operation of an OpenAPI document, with path-level and operation-level parameters merged. */
export interface Operation {
  readonly id: string;
  readonly method: HttpMethod;
  /** The path template as written in the document, e.g. `/api/enrichment/{id}/items`. */
  readonly path: string;
  readonly parameters: readonly Parameter[];
  /** The `application/json` (or `+json`) request body; `undefined` when the operation declares none. */
  readonly requestBody: RequestBody | undefined;
  readonly responses: Readonly<Record<string, ResponseSpec>>;
}

/** True for `application/json`, `application/json; charset=utf-8` and `<type>/<anything>+json`. */
function isJsonMediaType(mediaType: string): boolean {
  const essence = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  return essence === 'application/json' || /^[a-z]+\/[\w.!#$&^-]+\+json$/.test(essence);
}

function describe(method: string, path: string): string {
  return `${method} ${path}`;
}

function readSchema(owner: Readonly<Record<string, unknown>>, pointer: string, where: string): LocatedSchema {
  const schema = owner['schema'];
  if (typeof schema === 'boolean' || isRecord(schema))
    return { schema, pointer: appendPointer(pointer, 'schema') };
  throw new Error(
    `Failed to read ${where}: it has no "schema" (at ${pointer}). ` +
      'Give it a JSON Schema; parameters described with "content" are not supported.',
  );
}

function readJsonContent(
  resolver: DocumentResolver,
  owner: Readonly<Record<string, unknown>>,
  pointer: string,
  where: string,
): ResponseBody | undefined {
  const content = owner['content'];
  if (!isRecord(content)) return undefined;
  const mediaType = Object.keys(content).find(isJsonMediaType);
  if (mediaType === undefined) return undefined;
  const media = resolver.follow(content[mediaType], appendPointer(pointer, 'content', mediaType));
  if (!isRecord(media.value)) throw new Error(`Failed to read ${where}: ${media.pointer} is not an object.`);
  return { mediaType, ...readSchema(media.value, media.pointer, `${where} (${mediaType})`) };
}

function readParameter(resolver: DocumentResolver, raw: unknown, pointer: string, where: string): Parameter {
  const { value, pointer: at } = resolver.follow(raw, pointer);
  const location = isRecord(value) ? value['in'] : undefined;
  if (!isRecord(value) || typeof value['name'] !== 'string' || typeof location !== 'string') {
    throw new Error(`Failed to read a parameter of ${where} at ${at}: it needs a string "name" and "in".`);
  }
  if (location !== 'path' && location !== 'query' && location !== 'header' && location !== 'cookie') {
    throw new Error(
      `Failed to read parameter "${value['name']}" of ${where}: "in: ${location}" is not valid.`,
    );
  }
  const style = value['style'] ?? (location === 'query' || location === 'cookie' ? 'form' : 'simple');
  return {
    name: value['name'],
    in: location,
    required: location === 'path' || value['required'] === true,
    explode: value['explode'] === true || (value['explode'] === undefined && style === 'form'),
    ...readSchema(value, at, `parameter "${value['name']}" of ${where}`),
  };
}

/** OpenAPI says header parameters with these names "SHALL be ignored": media types and security cover them. */
const ignoredHeaders = new Set(['accept', 'content-type', 'authorization']);

function readParameters(
  resolver: DocumentResolver,
  owner: Readonly<Record<string, unknown>>,
  pointer: string,
  where: string,
) {
  const list = owner['parameters'];
  if (!Array.isArray(list)) return [];
  return list
    .map((raw, index) => readParameter(resolver, raw, appendPointer(pointer, 'parameters', index), where))
    .filter((parameter) => parameter.in !== 'header' || !ignoredHeaders.has(parameter.name.toLowerCase()));
}

function readHeaders(
  resolver: DocumentResolver,
  response: Readonly<Record<string, unknown>>,
  pointer: string,
  where: string,
) {
  const headers = isRecord(response['headers']) ? response['headers'] : {};
  return Object.entries(headers)
    .filter(([name]) => name.toLowerCase() !== 'content-type')
    .map(([name, raw]) => {
      const { value, pointer: at } = resolver.follow(raw, appendPointer(pointer, 'headers', name));
      if (!isRecord(value)) throw new Error(`Failed to read response header "${name}" of ${where} at ${at}.`);
      return {
        name,
        in: 'header' as const,
        required: value['required'] === true,
        explode: false,
        ...readSchema(value, at, `response header "${name}" of ${where}`),
      };
    });
}

function readResponses(
  resolver: DocumentResolver,
  operation: Readonly<Record<string, unknown>>,
  pointer: string,
  where: string,
) {
  const responses = isRecord(operation['responses']) ? operation['responses'] : {};
  const entries = Object.keys(responses).map((status): [string, ResponseSpec] => {
    const { value, pointer: at } = resolver.follow(
      responses[status],
      appendPointer(pointer, 'responses', status),
    );
    if (!isRecord(value))
      throw new Error(`Failed to read response ${status} of ${where}: ${at} is not an object.`);
    const body = readJsonContent(resolver, value, at, `response ${status} of ${where}`);
    const headers = readHeaders(resolver, value, at, `response ${status} of ${where}`);
    return [status, { status, headers, body, empty: !isRecord(value['content']) }];
  });
  return Object.fromEntries(entries);
}

function readRequestBody(
  resolver: DocumentResolver,
  operation: Readonly<Record<string, unknown>>,
  pointer: string,
  where: string,
) {
  if (operation['requestBody'] === undefined) return undefined;
  const { value, pointer: at } = resolver.follow(
    operation['requestBody'],
    appendPointer(pointer, 'requestBody'),
  );
  if (!isRecord(value))
    throw new Error(`Failed to read the request body of ${where}: ${at} is not an object.`);
  const content = readJsonContent(resolver, value, at, `the request body of ${where}`);
  return content && { required: value['required'] === true, ...content };
}

/**
 * Reads one operation of a path item. Operation-level parameters replace path-level ones with the same
 * `name` and `in`. Throws with the offending JSON pointer when the document is malformed.
 *
 * @example
 * const pathItem = resolver.follow(document.paths['/runs/{id}'], '/paths/~1runs~1{id}');
 * readOperation(resolver, pathItem, '/runs/{id}', 'GET'); // { id: 'getRun', method: 'GET', ... }
 */
export function readOperation(
  resolver: DocumentResolver,
  pathItem: Located,
  path: string,
  method: HttpMethod,
): Operation {
  const pointer = appendPointer(pathItem.pointer, method.toLowerCase());
  const where = describe(method, path);
  const operation = resolver.at(pointer);
  if (!isRecord(operation) || !isRecord(pathItem.value))
    throw new Error(`Failed to read ${where}: ${pointer} is not an object.`);
  if (typeof operation['operationId'] !== 'string' || operation['operationId'] === '') {
    throw new Error(
      `Failed to index ${where}: it has no operationId. Give every operation a unique operationId.`,
    );
  }
  const merged = new Map<string, Parameter>();
  for (const parameter of [
    ...readParameters(resolver, pathItem.value, pathItem.pointer, where),
    ...readParameters(resolver, operation, pointer, where),
  ]) {
    merged.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return {
    id: operation['operationId'],
    method,
    path,
    parameters: [...merged.values()],
    requestBody: readRequestBody(resolver, operation, pointer, where),
    responses: readResponses(resolver, operation, pointer, where),
  };
}
