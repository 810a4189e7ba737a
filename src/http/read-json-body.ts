import type { PlainRequest } from './plain-request.js';

export type ReadJsonBodyErrorCode =
  'invalid_json' | 'unsupported_media_type' | 'payload_too_large' | 'invalid_encoding';

export type ReadJsonBodyResult =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly code: ReadJsonBodyErrorCode; readonly message: string };

export interface ReadJsonBodyOptions {
  /** The largest body accepted, in bytes (after any transfer decoding the runtime did). */
  readonly limitBytes: number;
}

/** What the body reader needs of a request: its headers and the body bytes the adapter read. */
export type JsonBodySource = Pick<PlainRequest, 'headers' | 'body'>;

/** True for `application/json` and `application/<anything>+json`, with any parameters. */
function isJsonContentType(contentType: string): boolean {
  const essence = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return essence === 'application/json' || /^application\/[\w.!#$&^-]+\+json$/.test(essence);
}

/** The `charset` parameter of a content type, lower-cased, or `undefined`. */
function charsetOf(contentType: string): string | undefined {
  const found = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return found?.[1]?.toLowerCase();
}

function tooLarge(limitBytes: number, what: string): ReadJsonBodyResult {
  return {
    ok: false,
    code: 'payload_too_large',
    message: `Request body is too large: ${what} but the limit is ${limitBytes} bytes. Send a smaller body.`,
  };
}

/** The position V8 names in a JSON.parse error ("... in JSON at position 7"), if it names one. */
function reportedPosition(error: unknown): number | undefined {
  const found = error instanceof Error ? / at position (\d+)/.exec(error.message) : null;
  return found?.[1] === undefined ? undefined : Number(found[1]);
}

/** True when `text.slice(0, end)` has a syntax error before its end (not merely an unfinished value). */
function failsBefore(text: string, end: number): boolean {
  try {
    JSON.parse(text.slice(0, end));
    return false;
  } catch (error) {
    if (error instanceof Error && error.message === 'Unexpected end of JSON input') return false;
    const position = reportedPosition(error);
    return position === undefined || position < end;
  }
}

/**
 * The offset of the first character JSON.parse rejects. V8 names it for most errors; for the others
 * ("Unexpected token '}', ... is not valid JSON") binary-search the shortest prefix that fails before
 * its end: every shorter prefix either parses or is merely unfinished.
 */
function errorOffset(text: string, error: unknown): number {
  const reported = reportedPosition(error);
  if (reported !== undefined) return reported;
  let low = 1;
  let high = text.length + 1;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsBefore(text, middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

/** The deepest nesting of arrays and objects a body may have; deeper ones are refused before parsing. */
export const MAX_JSON_DEPTH = 512;

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The offset of the first `[` or `{` that opens a level deeper than `maxDepth`, or `undefined`. One
 * linear pass that skips strings (honouring backslash escapes) and never recurses, so it is safe on any
 * text; it does not check the syntax, which JSON.parse does afterwards.
 */
function tooDeepAt(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let offset = 0; offset < text.length; offset += 1) {
    const code = text.charCodeAt(offset);
    if (inString) {
      if (code === BACKSLASH) offset += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      depth += 1;
      if (depth > maxDepth) return offset;
    } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) depth -= 1;
  }
  return undefined;
}

/**
 * True when `text` nests arrays and objects deeper than `maxDepth` levels, found without parsing or
 * recursion: check it before `JSON.parse` on text that will later be copied, validated or stringified
 * (all recursive), as a journal keeping raw request bodies must.
 *
 * @example
 * const body = nestsDeeperThan(text) ? text : (JSON.parse(text) as unknown);
 */
export function nestsDeeperThan(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
  return tooDeepAt(text, maxDepth) !== undefined;
}

function invalidJson(text: string, error: unknown): ReadJsonBodyResult {
  const offset = errorOffset(text, error);
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  const reason = (error instanceof Error ? error.message : String(error))
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/[\u0000-\u001f]/g, (character) => JSON.stringify(character).slice(1, -1));
  const where =
    offset >= text.length
      ? 'at the end of the body'
      : `at position ${offset} (line ${line}, column ${column})`;
  return {
    ok: false,
    code: 'invalid_json',
    message: `Request body is not valid JSON: ${reason} ${where}. Send the body serialised with JSON.stringify.`,
  };
}

/**
 * Parses a request's JSON body from the bytes the adapter read, refusing what a JSON API would refuse:
 * - an empty body is fine whatever its `Content-Type` (clients such as exa-js send
 *   `Content-Type: application/json` on body-less POST and DELETE): `body` is then `undefined`;
 * - a non-empty body needs `application/json` or `application/<x>+json`, with a UTF-8 charset if any
 *   (`unsupported_media_type`);
 * - a body over `limitBytes` is refused, by its `Content-Length` or by the bytes read (the adapters stop
 *   reading one byte past the limit) (`payload_too_large`);
 * - bytes that are not UTF-8 give `invalid_encoding`, text that is not JSON `invalid_json` with the
 *   parser's reason and position;
 * - text nesting arrays and objects deeper than `MAX_JSON_DEPTH` (512) levels gives `invalid_json`,
 *   found by a linear scan before parsing, so hostile nesting never reaches recursive code
 *   (`structuredClone`, Ajv, deep copies) that would overflow the stack.
 *
 * Prototype pollution: `JSON.parse` stores a `"__proto__"` key as an own data property and never touches
 * prototypes, so the returned value is safe as long as nothing merges it into another object. Read its
 * fields explicitly or copy it with spread or `structuredClone`; never pass it to `Object.assign`, a
 * `for...in` copy loop or a deep-merge helper, which would turn the key into a prototype change.
 *
 * @example
 * const read = readJsonBody(request, { limitBytes: 1_000_000 });
 * if (!read.ok) return errorResponse(read.code, read.message);
 * validate(operation, { ...rest, body: read.body });
 */
export function readJsonBody(request: JsonBodySource, options: ReadJsonBodyOptions): ReadJsonBodyResult {
  const { limitBytes } = options;
  const declaredLength = Number(request.headers.get('content-length') ?? '');
  if (Number.isInteger(declaredLength) && declaredLength > limitBytes)
    return tooLarge(limitBytes, `Content-Length says ${declaredLength} bytes`);
  const bytes = request.body;
  if (bytes !== null && bytes.byteLength > limitBytes)
    return tooLarge(limitBytes, `it is over ${limitBytes} bytes`);
  if (bytes === null || bytes.byteLength === 0) return { ok: true, body: undefined };

  const contentType = request.headers.get('content-type') ?? '';
  if (!isJsonContentType(contentType)) {
    const sent = contentType === '' ? 'no Content-Type' : `Content-Type "${contentType}"`;
    return {
      ok: false,
      code: 'unsupported_media_type',
      message: `Request body has ${sent}, but this API accepts JSON only. Send it with Content-Type: application/json.`,
    };
  }
  const charset = charsetOf(contentType);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return {
      ok: false,
      code: 'unsupported_media_type',
      message: `Request body is declared as charset "${charset}", but JSON must be UTF-8. Send it as UTF-8 (charset=utf-8).`,
    };
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      code: 'invalid_encoding',
      message: 'Request body is not valid UTF-8. JSON bodies must be encoded as UTF-8.',
    };
  }
  const deepAt = tooDeepAt(text, MAX_JSON_DEPTH);
  if (deepAt !== undefined) {
    return {
      ok: false,
      code: 'invalid_json',
      message: `Request body nests deeper than ${MAX_JSON_DEPTH} levels of arrays and objects (level ${MAX_JSON_DEPTH + 1} opens at position ${deepAt}). Send a flatter body.`,
    };
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (error) {
    return invalidJson(text, error);
  }
}
