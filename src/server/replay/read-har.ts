import type { Answer } from '../../http/answer.js';
import { isRecord } from '../../openapi/document-resolver.js';
import { isJournalVendor, type JournalEntry } from '../../runtime/journal.js';

/** One recorded request and the response it got, as `replay` needs them. */
export interface RecordedExchange {
  /** Position in the HAR file (0-based), for messages. */
  index: number;
  seq: number | null;
  /** The journal entry id (`_id`), or null when the HAR does not say. */
  id: string | null;
  /** The API key the request was made with (`_tenant`), or null. */
  tenant: string | null;
  /** The operationId it routed to (`_operation`), or null when the HAR does not say. */
  operation: string | null;
  /** Who answered (`_vendor`); null when the HAR does not say, and the path decides. */
  vendor: JournalEntry['vendor'] | null;
  /** The mock-clock instant it was handled at (`_virtualTime`), in ms. */
  virtualTimeMs: number | null;
  /** When the request started (`startedDateTime`), in ms; null when unreadable. */
  startedMs: number | null;
  method: string;
  /** Path and query string. */
  target: string;
  headers: [string, string][];
  body: string | null;
  /** The answer it got, as the mock wrote it out. */
  response: Answer;
}

/** A HAR file as a recorded session: the exchanges plus what the server was started with. */
export interface RecordedSession {
  scenario: string | null;
  seed: number | null;
  clock: string | null;
  dropped: number;
  exchanges: RecordedExchange[];
}

function pairs(value: unknown): [string, string][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((pair) =>
    isRecord(pair) && typeof pair['name'] === 'string' && typeof pair['value'] === 'string'
      ? [[pair['name'], pair['value']] as [string, string]]
      : [],
  );
}

function toExchange(entry: unknown, index: number): RecordedExchange | string {
  const where = `log.entries[${index}]`;
  if (!isRecord(entry) || !isRecord(entry['request']) || !isRecord(entry['response']))
    return `${where} has no request or response object`;
  const { request, response } = entry as {
    request: Record<string, unknown>;
    response: Record<string, unknown>;
  };
  if (typeof request['method'] !== 'string' || typeof request['url'] !== 'string')
    return `${where}.request needs a method and a url`;
  if (typeof response['status'] !== 'number') return `${where}.response.status must be a number`;
  let url: URL;
  try {
    url = new URL(request['url'], 'http://enrichment-mock');
  } catch {
    return `${where}.request.url is not a URL: ${request['url']}`;
  }
  const postData = request['postData'];
  const content = response['content'];
  const vendor = entry['_vendor'];
  const instant = (value: unknown): number | null => {
    const ms = typeof value === 'string' ? Date.parse(value) : NaN;
    return Number.isFinite(ms) ? ms : null;
  };
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    index,
    seq: typeof entry['_seq'] === 'number' ? entry['_seq'] : null,
    id: text(entry['_id']),
    tenant: text(entry['_tenant']),
    operation: text(entry['_operation']),
    vendor: typeof vendor === 'string' && isJournalVendor(vendor) ? vendor : null,
    virtualTimeMs: instant(entry['_virtualTime']),
    startedMs: instant(entry['startedDateTime']),
    method: request['method'].toUpperCase(),
    target: `${url.pathname}${url.search}`,
    headers: pairs(request['headers']),
    body: isRecord(postData) && typeof postData['text'] === 'string' ? postData['text'] : null,
    response: {
      status: response['status'],
      headers: Object.fromEntries(
        pairs(response['headers']).map(([name, value]) => [name.toLowerCase(), value]),
      ),
      body: isRecord(content) && typeof content['text'] === 'string' ? content['text'] : '',
    },
  };
}

/**
 * Reads a HAR 1.2 file (as `GET /__admin/journal?format=har` writes it, or any HAR with the same fields)
 * into a recorded session, or says in one sentence why it cannot.
 *
 * @example
 * const read = readHar(readFileSync('session.har', 'utf8'));
 * if (read.ok) console.log(read.session.exchanges.length);
 */
export function readHar(
  text: string,
): { ok: true; session: RecordedSession } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not a HAR file: it is not JSON (${(error as Error).message}).` };
  }
  const log = isRecord(data) ? data['log'] : undefined;
  if (!isRecord(log) || !Array.isArray(log['entries']))
    return { ok: false, message: 'not a HAR file: it has no log.entries array.' };
  const exchanges: RecordedExchange[] = [];
  for (const [index, entry] of log['entries'].entries()) {
    const exchange = toExchange(entry, index);
    if (typeof exchange === 'string') return { ok: false, message: `not a usable HAR file: ${exchange}.` };
    exchanges.push(exchange);
  }
  // Entries carry the journal's sequence numbers; replay in that order when they do.
  exchanges.sort((a, b) => (a.seq ?? a.index) - (b.seq ?? b.index));
  return {
    ok: true,
    session: {
      scenario: typeof log['_scenario'] === 'string' ? log['_scenario'] : null,
      seed: typeof log['_seed'] === 'number' ? log['_seed'] : null,
      clock: typeof log['_clock'] === 'string' ? log['_clock'] : null,
      dropped: typeof log['_dropped'] === 'number' ? log['_dropped'] : 0,
      exchanges,
    },
  };
}
