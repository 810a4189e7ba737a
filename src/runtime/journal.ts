/** One request/response exchange as the mock saw it. */
export interface JournalEntry {
  id: string;
  seq: number;
  vendor: 'puffle' | 'sendkit' | 'exa' | 'admin' | 'unknown';
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
  };
  response: { status: number; headers: Record<string, string>; body: unknown };
  /** Simulator clock instant the request was answered at (ISO). */
  virtualTime: string;
  /** Wall-clock instant the request arrived (ISO). */
  wallTime: string;
  durationMs: number;
}

export interface JournalQuery {
  tenant?: string;
  vendor?: JournalEntry['vendor'];
  limit?: number;
}

/**
 * A bounded in-memory record of exchanges: past `limit` the oldest entries are dropped and counted.
 *
 * @example
 * const journal = createJournal(1000);
 * journal.record({ ...entry });
 * journal.entries({ tenant: 'pk_live_demo' });
 */
export function createJournal(limit: number) {
  // Entries live in buffer[start..]; the dead prefix is cut off once it outgrows the limit (amortised O(1)).
  let buffer: JournalEntry[] = [];
  let start = 0;
  let dropped = 0;
  let seq = 0;
  return {
    limit,
    /** Appends an entry, numbering it; drops the oldest when full. */
    record(entry: Omit<JournalEntry, 'id' | 'seq'>): JournalEntry {
      seq += 1;
      const full: JournalEntry = { id: `ex_${String(seq).padStart(8, '0')}`, seq, ...entry };
      buffer.push(full);
      if (buffer.length - start > limit) {
        start += 1;
        dropped += 1;
        if (start > limit) {
          buffer = buffer.slice(start);
          start = 0;
        }
      }
      return full;
    },
    /** Entries oldest first, filtered; `limit` keeps the newest ones. */
    entries(query: JournalQuery = {}): JournalEntry[] {
      const matching = buffer
        .slice(start)
        .filter(
          (entry) =>
            (query.tenant === undefined || entry.tenant === query.tenant) &&
            (query.vendor === undefined || entry.vendor === query.vendor),
        );
      return query.limit === undefined ? matching : matching.slice(-query.limit);
    },
    /** Entries dropped because the journal was full. */
    get dropped(): number {
      return dropped;
    },
    /** Empties the journal and zeroes `dropped` (sequence numbers go on); returns how many entries it held. */
    clear(): number {
      const count = buffer.length - start;
      buffer = [];
      start = 0;
      dropped = 0;
      return count;
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
