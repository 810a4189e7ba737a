import type { components } from '../../generated/exa-websets.types.js';
import { runStatusAt, toEnrichment } from './to-enrichment.js';
import { toItem, type ItemSource, type WebsetItem } from './to-item.js';
import { enrichmentExistsAt, type SearchRecord, type WebsetRecord } from './webset-store.js';
import { toIso } from '../../core/clock.js';

type Schemas = components['schemas'];
export type Webset = Schemas['Webset'];
export type WebsetSearch = Schemas['WebsetSearch'];

/** Items `expand=items` embeds at most. */
export const EXPANDED_ITEMS = 100;

/** Where Exa's Websets dashboard shows a Webset: this origin and path, then the Webset id. */
const DASHBOARD_WEBSETS = 'https://websets.exa.ai/websets/';

/**
 * The Webset's status at `t`: `running` while one of its Enrichments is being worked on, `pending` while
 * its Enrichments are only queued, `idle` otherwise (its search completes at creation).
 */
export function websetStatusAt(webset: WebsetRecord, t: number): Webset['status'] {
  const statuses = webset.enrichments
    .filter((enrichment) => enrichmentExistsAt(enrichment, t))
    .map((enrichment) => runStatusAt(enrichment, t));
  if (statuses.includes('running')) return 'running';
  return statuses.includes('pending') ? 'pending' : 'idle';
}

/** The Webset's search; it found every Item at creation, so it is `completed`. */
export function toSearch(webset: WebsetRecord, search: SearchRecord): WebsetSearch {
  const found = webset.list.size;
  return {
    id: search.id,
    object: 'webset_search',
    status: 'completed',
    websetId: webset.id,
    query: search.query,
    entity: { type: search.entity },
    criteria: search.criteria.map((description) => ({ description, successRate: 100 })),
    count: search.count,
    maxPeoplePerCompany: search.maxPeoplePerCompany,
    behavior: 'override',
    exclude: search.exclude,
    scope: search.scope,
    progress: { found, analyzed: found, completion: 100, timeLeft: 0 },
    recall: search.recall
      ? {
          expected: { total: found * 4, confidence: 'medium', bounds: { min: found, max: found * 10 } },
          reasoning: `Estimated from the share of candidates that met every criterion while finding ${found} Items.`,
        }
      : null,
    metadata: {},
    canceledAt: null,
    canceledReason: null,
    createdAt: toIso(webset.createdAt),
    updatedAt: toIso(webset.createdAt),
  };
}

/** The Webset as the API shows it at `t`; with `items`, its first Items embedded (`expand=items`). */
export function toWebset(
  webset: WebsetRecord,
  t: number,
  items?: ItemSource,
): Webset & { items?: WebsetItem[] } {
  const enrichments = webset.enrichments
    .filter((enrichment) => enrichmentExistsAt(enrichment, t))
    .map((enrichment) => toEnrichment(enrichment, t));
  const updatedAt = Math.max(
    webset.editedAt <= t ? webset.editedAt : webset.createdAt,
    ...enrichments.map((enrichment) => Date.parse(enrichment.updatedAt)),
  );
  const view: Webset = {
    id: webset.id,
    object: 'webset',
    dashboardUrl: `${DASHBOARD_WEBSETS}${webset.id}`,
    status: websetStatusAt(webset, t),
    externalId: webset.externalId,
    title: webset.title,
    searches: webset.search ? [toSearch(webset, webset.search)] : [],
    imports: [],
    enrichments,
    monitors: [],
    excludes: webset.excludes,
    metadata: webset.metadata,
    createdAt: toIso(webset.createdAt),
    updatedAt: toIso(updatedAt),
  };
  if (!items) return view;
  const embedded: WebsetItem[] = [];
  for (let index = 0; index < webset.list.size && embedded.length < EXPANDED_ITEMS; index++) {
    const item = toItem(items, webset, index, t);
    if (item) embedded.push(item);
  }
  return { ...view, items: embedded };
}
