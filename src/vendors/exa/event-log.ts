import { toIso } from '../../core/clock.js';
import { runStateAt } from '../../core/run-state.js';
import type { components } from '../../generated/exa-websets.types.js';
import { exaId } from './exa-ids.js';
import { settledAt } from './to-enrichment.js';
import type { ItemSource } from './to-item.js';
import { toItem } from './to-item.js';
import { toSearch, toWebset } from './to-webset.js';
import type { EnrichmentRecord, WebsetRecord } from './webset-store.js';

export type ExaEvent = components['schemas']['Event'];
/** The event types the mock derives from its Websets. */
type EventType =
  | 'webset.created'
  | 'webset.search.created'
  | 'webset.item.created'
  | 'webset.search.completed'
  | 'webset.item.enriched'
  | 'webset.idle'
  | 'webset.deleted';

/** An event before its data is rendered: what happened to which Webset (and Item), and when. */
export interface EventEntry {
  id: string;
  type: EventType;
  at: number;
  webset: WebsetRecord;
  index: number | null;
}

/** When the Enrichment stopped being worked on, as known at `now`; null while it still is. */
function endOf(enrichment: EnrichmentRecord, now: number): number | null {
  return enrichment.run ? runStateAt(enrichment.run, now).completedAt : enrichment.createdAt;
}

/**
 * Every event of one Webset up to `now`, oldest first, derived from its records and its runs' states, so
 * polling at a later instant only ever adds events after the earlier `now`. The Webset is idle at its
 * creation (the search completes at once) and at every end of an Enrichment when no other is working.
 */
export function websetEvents(webset: WebsetRecord, now: number): EventEntry[] {
  const until = Math.min(now, webset.deletedAt ?? now);
  const entries: EventEntry[] = [];
  const add = (type: EventType, at: number, index: number | null = null, enrichmentId = ''): void => {
    if (at <= until)
      entries.push({
        id: exaId('event', webset.list.seed, type, at, index ?? -1, enrichmentId),
        type,
        at,
        webset,
        index,
      });
  };
  const { createdAt } = webset;
  add('webset.created', createdAt);
  if (webset.search) add('webset.search.created', createdAt);
  for (let index = 0; index < webset.list.size; index++) add('webset.item.created', createdAt, index);
  if (webset.search) add('webset.search.completed', createdAt);
  for (const enrichment of webset.enrichments) {
    const { run } = enrichment;
    const hiddenFrom = enrichment.deletedAt ?? Infinity;
    for (let index = 0; run && index < webset.list.size; index++) {
      const { state, at } = settledAt(run, index, now);
      const done = state.status === 'completed' || state.status === 'failed' ? at : null;
      const removed = webset.deletedItems.get(index) ?? Infinity;
      if (done !== null && done < Math.min(hiddenFrom, removed))
        add('webset.item.enriched', done, index, enrichment.id);
    }
  }
  const spans = webset.enrichments.map((enrichment) => ({
    from: enrichment.createdAt,
    end: endOf(enrichment, now),
  }));
  const stops = [createdAt, ...spans.map(({ end }) => end).filter((at): at is number => at !== null)];
  const busyAt = (x: number): boolean => spans.some(({ from, end }) => from <= x && x < (end ?? Infinity));
  for (const at of [...new Set(stops)].sort((a, b) => a - b)) if (!busyAt(at)) add('webset.idle', at);
  if (webset.deletedAt !== null) add('webset.deleted', webset.deletedAt);
  return entries.sort((a, b) => a.at - b.at);
}

/** The event with its data: the Webset, search or Item as it was at the event's instant. */
export function toEvent(entry: EventEntry, items: ItemSource): ExaEvent {
  const { webset, at, index } = entry;
  const base = { id: entry.id, object: 'event' as const, createdAt: toIso(at) };
  switch (entry.type) {
    case 'webset.item.created':
    case 'webset.item.enriched': {
      const item = toItem(items, webset, index ?? 0, at);
      if (!item)
        throw new Error(`Event ${entry.id} names item ${index} past the end of Webset ${webset.id}.`);
      return { ...base, type: entry.type, data: item };
    }
    case 'webset.search.created':
    case 'webset.search.completed':
      if (!webset.search)
        throw new Error(`Event ${entry.id} names the search of Webset ${webset.id}, which has none.`);
      return { ...base, type: entry.type, data: toSearch(webset, webset.search) };
    case 'webset.created':
    case 'webset.idle':
    case 'webset.deleted':
      return { ...base, type: entry.type, data: toWebset(webset, at) };
  }
}
