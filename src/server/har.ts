import { STATUS_CODES } from 'node:http';
import type { BodyCut } from '../http/journal-body.js';
import type { JournalEntry } from '../runtime/journal.js';

/** A HAR name/value pair (headers, query parameters). */
export interface HarPair {
  name: string;
  value: string;
}

/** One HAR 1.2 entry, with enrichment-mock's custom fields (prefixed `_`, as HAR allows). */
export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: never[];
    headers: HarPair[];
    queryString: HarPair[];
    postData?: { mimeType: string; text: string; comment?: string };
    headersSize: -1;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: never[];
    headers: HarPair[];
    content: { size: number; mimeType: string; text: string; comment?: string };
    redirectURL: '';
    headersSize: -1;
    bodySize: number;
    /** Set when no response was sent (a `reset` or `hang` transport fault). */
    _error?: string;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  _id: string;
  _seq: number;
  _vendor: JournalEntry['vendor'];
  _scenario: string;
  _tenant: string | null;
  _operation: string | null;
  /** The mock-clock instant the request was handled at: `replay` moves its virtual clock there. */
  _virtualTime: string;
}

/** A HAR 1.2 document of the journal. */
export interface HarDocument {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
    /** The scenario (name or path) and seed the server started with: `replay` starts from them. */
    _scenario: string;
    _seed: number;
    /** The clock the journal was recorded with; only a virtual clock replays byte for byte. */
    _clock: 'real' | 'virtual';
    /** Entries the journal had dropped when it was exported: a replay cannot rebuild their effects. */
    _dropped: number;
  };
}

export interface HarOptions {
  version: string;
  /** Origin the paths are resolved against, e.g. `http://127.0.0.1:4010`. */
  baseUrl: string;
  scenario: string;
  seed: number;
  clock: 'real' | 'virtual';
  dropped: number;
}

/**
 * A journal body as sent on the wire: `null` is no body, a string is raw text (a body that was not JSON),
 * anything else is JSON. (A body that is itself a JSON string literal would read back as raw text; none of
 * the mocked APIs sends one.)
 */
export function toBodyText(body: unknown): string {
  if (body === null || body === undefined) return '';
  return typeof body === 'string' ? body : JSON.stringify(body);
}

const pairs = (record: Record<string, string>): HarPair[] =>
  Object.entries(record).map(([name, value]) => ({ name, value }));

const queryPairs = (query: JournalEntry['request']['query']): HarPair[] =>
  Object.entries(query).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((item) => ({ name, value: item })),
  );

/** The HAR `comment` of a body the journal did not keep whole. */
function cutComment(cut: BodyCut | undefined, kept: string): { comment: string } | Record<string, never> {
  if (cut === undefined) return {};
  return {
    comment:
      cut.reason === 'omitted'
        ? `Body omitted: ${cut.size} bytes. A journal read's answer is not journalled, so the journal never embeds itself.`
        : `Body truncated: the first ${Buffer.byteLength(kept)} of ${cut.size} bytes.`,
  };
}

function toHarEntry(entry: JournalEntry, baseUrl: string): HarEntry {
  const { request, response } = entry;
  const queryString = queryPairs(request.query);
  const search = new URLSearchParams(
    queryString.map(({ name, value }): [string, string] => [name, value]),
  ).toString();
  const requestText = toBodyText(request.body);
  const responseText = toBodyText(response.body);
  const requestSize = request.bodyCut?.size ?? Buffer.byteLength(requestText);
  const responseSize = response.bodyCut?.size ?? Buffer.byteLength(responseText);
  return {
    startedDateTime: entry.wallTime,
    time: entry.durationMs,
    request: {
      method: request.method,
      url: `${baseUrl}${request.path}${search === '' ? '' : `?${search}`}`,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(request.headers),
      queryString,
      ...(requestText === '' && request.bodyCut === undefined
        ? {}
        : {
            postData: {
              mimeType: request.headers['content-type'] ?? 'application/json',
              text: requestText,
              ...cutComment(request.bodyCut, requestText),
            },
          }),
      headersSize: -1,
      bodySize: requestSize,
    },
    response: {
      status: response.status,
      statusText: STATUS_CODES[response.status] ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: pairs(response.headers),
      content: {
        size: responseSize,
        mimeType: response.headers['content-type'] ?? 'x-unknown',
        text: responseText,
        ...cutComment(response.bodyCut, responseText),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: response.status === 0 ? -1 : responseSize,
      ...(response.status === 0
        ? { _error: 'No response: the connection was reset or left hanging (transport fault).' }
        : {}),
    },
    cache: {},
    timings: { send: 0, wait: entry.durationMs, receive: 0 },
    _id: entry.id,
    _seq: entry.seq,
    _vendor: entry.vendor,
    _scenario: entry.scenario,
    _tenant: entry.tenant,
    _operation: entry.operation,
    _virtualTime: entry.virtualTime,
  };
}

/**
 * The journal as a HAR 1.2 document, for browser dev tools and HAR viewers, and for `enrichment-mock
 * replay`: each entry carries its mock-clock instant (`_virtualTime`), and the log the scenario and seed.
 *
 * @example
 * const har = toHar(runtime.journal.entries(), { version: '0.1.0', baseUrl: 'http://127.0.0.1:4010', scenario: 'default', seed: 1, clock: 'virtual', dropped: 0 });
 */
export function toHar(entries: readonly JournalEntry[], options: HarOptions): HarDocument {
  return {
    log: {
      version: '1.2',
      creator: { name: 'enrichment-mock', version: options.version },
      entries: entries.map((entry) => toHarEntry(entry, options.baseUrl)),
      _scenario: options.scenario,
      _seed: options.seed,
      _clock: options.clock,
      _dropped: options.dropped,
    },
  };
}
