import { MAX_INSTANT_MS } from '../../core/clock.js';
import { eventTimeline, type EventEntry } from './event-log.js';
import type { WebsetRecord } from './webset-store.js';

/** Every event the Websets' commands cause, at whatever instant, oldest first, with each id's position. */
export interface EventTimeline {
  entries: readonly EventEntry[];
  positions: ReadonlyMap<string, number>;
}

/** The query of a list of events: types, inclusive instant bounds, the cursor (an event id) and the limit. */
export interface EventQuery {
  types: ReadonlySet<string> | null;
  after: number;
  before: number;
  cursor: string | undefined;
  limit: number | undefined;
}

/** A page of events, newest first; `cursorFound` false when the cursor names no event the query lists. */
export type EventPage =
  { ok: true; entries: EventEntry[]; hasMore: boolean } | { ok: false; reason: 'unknown_cursor' };

/** The number of entries whose instant is at or before `t` (they come first: the timeline is sorted). */
function countUntil(entries: readonly EventEntry[], t: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((entries[middle]?.at ?? Infinity) <= t) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The events of a tenant's Websets as an index kept by the commands: derived once per revision (a count
 * of the calls that may change Websets, Enrichments or Webhooks) for every instant at once, since events
 * up to `now` never depend on when they are asked for. A read at `now` then costs a binary search and the
 * page, whatever the history; the index is a cache of commands, never of time.
 *
 * @example
 * const events = createEventIndex(commands.revision);
 * events.page(websets, clock.now(), { types: null, after: -Infinity, before: Infinity, cursor: undefined, limit: 10 });
 */
export function createEventIndex(revision: () => number) {
  const cache = new WeakMap<readonly WebsetRecord[], { revision: number; timeline: EventTimeline }>();

  const timeline = (websets: readonly WebsetRecord[]): EventTimeline => {
    const current = revision();
    const cached = cache.get(websets);
    if (cached?.revision === current) return cached.timeline;
    const entries = eventTimeline(websets, MAX_INSTANT_MS);
    const made = { entries, positions: new Map(entries.map((entry, i) => [entry.id, i])) };
    cache.set(websets, { revision: current, timeline: made });
    return made;
  };

  return {
    /** Every event up to `now`, oldest first. */
    until(websets: readonly WebsetRecord[], now: number): readonly EventEntry[] {
      const { entries } = timeline(websets);
      return entries.slice(0, countUntil(entries, now));
    },
    /** The event with this id, if it happened by `now`. */
    find(websets: readonly WebsetRecord[], now: number, id: string): EventEntry | undefined {
      const { entries, positions } = timeline(websets);
      const entry = entries[positions.get(id) ?? -1];
      return entry !== undefined && entry.at <= now ? entry : undefined;
    },
    /** One page of the events up to `now` that match `query`, newest first, in O(log events + page). */
    page(websets: readonly WebsetRecord[], now: number, query: EventQuery): EventPage {
      const { entries, positions } = timeline(websets);
      const matches = (entry: EventEntry): boolean =>
        entry.at >= query.after && (query.types === null || query.types.has(entry.type));
      let from = countUntil(entries, Math.min(now, query.before)) - 1;
      if (query.cursor !== undefined) {
        const at = positions.get(query.cursor) ?? Infinity;
        const named = entries[at];
        if (named === undefined || at > from || !matches(named))
          return { ok: false, reason: 'unknown_cursor' };
        from = at - 1;
      }
      const limit = query.limit ?? Infinity;
      const found: EventEntry[] = [];
      for (let i = from; i >= 0 && found.length <= limit; i--) {
        const entry = entries[i];
        if (entry === undefined || entry.at < query.after) break;
        if (matches(entry)) found.push(entry);
      }
      return { ok: true, entries: found.slice(0, limit), hasMore: found.length > limit };
    },
  };
}

export type EventIndex = ReturnType<typeof createEventIndex>;
