import { MAX_INSTANT_MS } from '../../core/clock.js';
import { prefixLength } from '../../core/sorted-prefix.js';
import { websetEvents, type EventEntry } from './event-log.js';
import type { ListWalk } from './paginate.js';
import type { TenantWebsets, WebsetRecord } from './webset-store.js';

/** The filter of a list of events: types (null: all) and inclusive instant bounds. */
export interface EventQuery {
  types: ReadonlySet<string> | null;
  after: number;
  before: number;
}

/**
 * An event in the tenant's timeline, with its place: by instant, then its Webset's place among the
 * tenant's, then its place among its Webset's events (the order they happened), as a sort of every Webset's events would.
 */
interface Placed {
  entry: EventEntry;
  webset: number;
  /** Place among its Webset's events: updated when they are derived again (their order is kept). */
  ordinal: number;
}

const compare = (a: Placed, b: Placed): number =>
  a.entry.at - b.entry.at || a.webset - b.webset || a.ordinal - b.ordinal;

/** One tenant's timeline: every event its Websets' commands cause, at whatever instant, oldest first. */
interface Timeline {
  events: Placed[];
  byId: Map<string, Placed>;
  ofWebset: Map<WebsetRecord, Placed[]>;
  place: Map<WebsetRecord, number>;
}

/**
 * Derives one Webset's events again and patches the timeline with the difference: the events gone are
 * taken out, the new ones put in, those kept stay (with their place among the Webset's updated). The
 * differences of a command lie at or after its instant, near the end: O(the Webset's events × log).
 */
function rederive(timeline: Timeline, webset: WebsetRecord): void {
  const { events, byId, ofWebset, place } = timeline;
  if (!place.has(webset)) place.set(webset, place.size);
  const websetPlace = place.get(webset) ?? 0;
  const fresh = websetEvents(webset, MAX_INSTANT_MS);
  const freshIds = new Set(fresh.map((entry) => entry.id));
  for (const old of ofWebset.get(webset) ?? []) {
    if (freshIds.has(old.entry.id)) continue;
    const at = prefixLength(events, (other) => compare(other, old) < 0);
    if (events[at] === old) events.splice(at, 1);
    byId.delete(old.entry.id);
  }
  // The kept events take their new places first (their order among the Webset's events is unchanged, so
  // the timeline stays sorted); only then are the new ones put in among them.
  fresh.forEach((entry, ordinal) => {
    const kept = byId.get(entry.id);
    if (kept) kept.ordinal = ordinal;
  });
  const placed = fresh.map((entry, ordinal): Placed => {
    const kept = byId.get(entry.id);
    if (kept) return kept;
    const made = { entry, webset: websetPlace, ordinal };
    events.splice(
      prefixLength(events, (other) => compare(other, made) <= 0),
      0,
      made,
    );
    byId.set(entry.id, made);
    return made;
  });
  ofWebset.set(webset, placed);
}

/** The events at `from` and before it that `matches`, newest first, stopping at the first before `after`. */
function* newestFirst(
  events: readonly Placed[],
  from: number,
  after: number,
  matches: (entry: EventEntry) => boolean,
): Generator<EventEntry> {
  for (let i = from; i >= 0; i--) {
    const entry = events[i]?.entry;
    if (entry === undefined || entry.at < after) return;
    if (matches(entry)) yield entry;
  }
}

/**
 * The events of a tenant's Websets as an index kept by the commands: each Webset's events are derived for
 * every instant at once (events up to `now` never depend on when they are asked for), and derived again
 * only for the Websets a command created or named since (`TenantWebsets.takeChanges`), patching the timeline.
 * A read at `now` then costs a binary search and the page, and a read after a command what that command
 * changed, whatever the history; the index is a cache of commands, never of time.
 *
 * @example
 * const events = createEventIndex();
 * paginate(events.walk(websets, clock.now(), { types: null, after: -Infinity, before: Infinity }), (event) => event.id, undefined, 10);
 */
export function createEventIndex() {
  const timelines = new WeakMap<TenantWebsets, Timeline>();

  const timeline = (websets: TenantWebsets): Timeline => {
    let found = timelines.get(websets);
    if (!found) {
      found = { events: [], byId: new Map(), ofWebset: new Map(), place: new Map() };
      timelines.set(websets, found);
    }
    for (const webset of websets.takeChanges()) rederive(found, webset);
    return found;
  };
  /** The number of events at or before `t`. */
  const countUntil = (events: readonly Placed[], t: number): number =>
    prefixLength(events, (other) => other.entry.at <= t);

  return {
    /** Every event up to `now`, oldest first. */
    until(websets: TenantWebsets, now: number): EventEntry[] {
      const { events } = timeline(websets);
      return events.slice(0, countUntil(events, now)).map((placed) => placed.entry);
    },
    /** The event with this id, if it happened by `now`. */
    find(websets: TenantWebsets, now: number, id: string): EventEntry | undefined {
      const entry = timeline(websets).byId.get(id)?.entry;
      return entry !== undefined && entry.at <= now ? entry : undefined;
    },
    /**
     * The events up to `now` that match `query`, newest first, from the event a cursor names; undefined
     * when the cursor names no event the query lists. Finding the cursor costs O(log events).
     */
    walk(websets: TenantWebsets, now: number, query: EventQuery): ListWalk<EventEntry> {
      const matches = (entry: EventEntry): boolean =>
        entry.at >= query.after && (query.types === null || query.types.has(entry.type));
      return (cursor) => {
        const { events, byId } = timeline(websets);
        const last = countUntil(events, Math.min(now, query.before)) - 1;
        if (cursor === undefined) return newestFirst(events, last, query.after, matches);
        const named = byId.get(cursor);
        if (named === undefined || !matches(named.entry)) return undefined;
        const at = prefixLength(events, (other) => compare(other, named) < 0);
        return at > last ? undefined : newestFirst(events, at - 1, query.after, matches);
      };
    },
  };
}

export type EventIndex = ReturnType<typeof createEventIndex>;
