import {
  JOURNAL_BODY_CAP_BYTES,
  journalBody,
  keepBody,
  type BodyCut,
  type BodyInput,
  type KeptBody,
} from '../http/journal-body.js';
import type { AppliedFault } from '../scenario/fault-plan.js';
import { VENDORS, type Vendor } from '../vendors/vendor-descriptors.js';

/** Which API an entry was routed to: a vendor, the control API, or `unknown` when no route matched. */
export type JournalVendor = Vendor | 'admin' | 'unknown';

/** Every value of `JournalEntry.vendor`. */
export const JOURNAL_VENDORS: readonly JournalVendor[] = [...VENDORS, 'admin', 'unknown'];

/** Whether `name` is a value of `JournalEntry.vendor` (a HAR's `_vendor`, say). */
export const isJournalVendor = (name: string): name is JournalVendor =>
  JOURNAL_VENDORS.some((vendor) => vendor === name);

/** One request/response exchange as the mock saw it. */
export interface JournalEntry {
  id: string;
  seq: number;
  vendor: JournalVendor;
  scenario: string;
  tenant: string | null;
  /** operationId of the vendor or control API operation the request routed to; null when none matched. */
  operation: string | null;
  request: {
    method: string;
    path: string;
    query: Record<string, string | string[]>;
    headers: Record<string, string>;
    body: unknown;
    /** Set when the body is not (all) here: why, and its whole size. */
    bodyCut?: BodyCut;
  };
  response: { status: number; headers: Record<string, string>; body: unknown; bodyCut?: BodyCut };
  /** Simulator clock instant the request was answered at (ISO). */
  virtualTime: string;
  /** Wall-clock instant the request arrived (ISO). */
  wallTime: string;
  durationMs: number;
  /** The faults the scenario injected into this exchange, with the rule each came from; absent when none. */
  faults?: AppliedFault[];
}

/** An exchange as handed to `record`: bodies as text, cut and parsed by the journal. */
export interface JournalRecord extends Omit<JournalEntry, 'id' | 'seq' | 'request' | 'response'> {
  request: Omit<JournalEntry['request'], 'body' | 'bodyCut'> & { body: BodyInput };
  response: Omit<JournalEntry['response'], 'body' | 'bodyCut'> & { body: BodyInput };
}

export interface JournalQuery {
  tenant?: string;
  vendor?: JournalEntry['vendor'];
  /** The operationId the entries routed to (an entry no operation answered has none). */
  operation?: string;
  /** Keeps the newest matching entries. */
  limit?: number;
}

export interface JournalOptions {
  /** Most entries kept (oldest dropped first). */
  limit: number;
  /** Largest body kept whole, in bytes; default `JOURNAL_BODY_CAP_BYTES` (1 MiB). */
  bodyCapBytes?: number;
  /** Most bytes kept over all entries (bodies, headers, paths); default `JOURNAL_TOTAL_CAP_BYTES` (64 MiB). */
  totalCapBytes?: number;
}

/** The journal's default bound in bytes over all its entries: 64 MiB, oldest entries dropped past it. */
export const JOURNAL_TOTAL_CAP_BYTES = 64 * 1_048_576;

/** `target` with an enumerable `body` parsed from the kept text on first read (the journal is read far less often than written). */
function withBody<T extends object>(target: T, kept: KeptBody): T & { body: unknown; bodyCut?: BodyCut } {
  let parsed: { value: unknown } | undefined;
  const entry = Object.defineProperty(target, 'body', {
    enumerable: true,
    get: () => (parsed ??= { value: journalBody(kept.text, kept.cut) }).value,
  }) as T & { body: unknown; bodyCut?: BodyCut };
  if (kept.cut) entry.bodyCut = kept.cut;
  return entry;
}

/** Bytes an entry holds besides its bodies (path, query, headers), roughly as JSON writes them. */
function overheadOf(record: JournalRecord): number {
  let bytes = 256 + record.request.path.length + JSON.stringify(record.request.query).length;
  for (const headers of [record.request.headers, record.response.headers])
    for (const name in headers) bytes += name.length + (headers[name]?.length ?? 0) + 6;
  return bytes;
}

/**
 * A bounded in-memory record of exchanges, bounded in entries (`limit`) and in bytes: bodies over the
 * body cap keep their first bytes and their size, a body marked `omit` (a journal read's response) keeps
 * only its size, and past the total cap the oldest entries are dropped. Dropped entries are counted.
 *
 * @example
 * const journal = createJournal({ limit: 1000 });
 * journal.record({ ...exchange, response: { status: 200, headers: {}, body: { text: '{"ok":true}' } } });
 * journal.entries({ tenant: 'pk_live_demo' });
 */
export function createJournal(options: JournalOptions) {
  const { limit } = options;
  const bodyCap = options.bodyCapBytes ?? JOURNAL_BODY_CAP_BYTES;
  const totalCap = options.totalCapBytes ?? JOURNAL_TOTAL_CAP_BYTES;
  // Entries (and their sizes) live in buffer[start..]; the dead prefix is cut off once it outgrows the limit (amortised O(1)).
  let buffer: JournalEntry[] = [];
  let sizes: number[] = [];
  let start = 0;
  let bytes = 0;
  let dropped = 0;
  let seq = 0;
  const dropOldest = (): void => {
    bytes -= sizes[start] ?? 0;
    start += 1;
    dropped += 1;
    if (start > limit) {
      buffer = buffer.slice(start);
      sizes = sizes.slice(start);
      start = 0;
    }
  };
  return {
    limit,
    /** Appends an entry, numbering it and cutting its bodies; drops the oldest while over a bound. */
    record(entry: JournalRecord): JournalEntry {
      seq += 1;
      const request = keepBody(entry.request.body, bodyCap);
      const response = keepBody(entry.response.body, bodyCap);
      const full: JournalEntry = {
        id: `ex_${String(seq).padStart(8, '0')}`,
        seq,
        ...entry,
        request: withBody({ ...entry.request, body: undefined }, request),
        response: withBody({ ...entry.response, body: undefined }, response),
      };
      const size = overheadOf(entry) + request.bytes + response.bytes;
      buffer.push(full);
      sizes.push(size);
      bytes += size;
      while (buffer.length - start > limit || (bytes > totalCap && buffer.length - start > 1)) dropOldest();
      return full;
    },
    /** Entries oldest first, filtered; `limit` keeps the newest ones. */
    entries(query: JournalQuery = {}): JournalEntry[] {
      const matching = buffer
        .slice(start)
        .filter(
          (entry) =>
            (query.tenant === undefined || entry.tenant === query.tenant) &&
            (query.vendor === undefined || entry.vendor === query.vendor) &&
            (query.operation === undefined || entry.operation === query.operation),
        );
      return query.limit === undefined ? matching : matching.slice(-query.limit);
    },
    /** Entries dropped because the journal was full (in entries or in bytes). */
    get dropped(): number {
      return dropped;
    },
    /** Bytes the kept entries hold (bodies as kept, plus paths and headers), never above the total cap but for a single entry. */
    get bytes(): number {
      return bytes;
    },
    /** Empties the journal and zeroes `dropped` (sequence numbers go on); returns how many entries it held. */
    clear(): number {
      const count = buffer.length - start;
      buffer = [];
      sizes = [];
      start = 0;
      bytes = 0;
      dropped = 0;
      return count;
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
