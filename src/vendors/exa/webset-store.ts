import type { LeadList } from '../../core/lead-list.js';
import type { Run } from '../../core/run.js';
import type { Tenant } from '../../core/tenant.js';
import type { components } from '../../generated/exa-websets.types.js';

type Schemas = components['schemas'];
export type EnrichmentFormat = Schemas['WebsetEnrichmentFormat'];
export type EnrichmentOption = { label: string };
export type SourceRef = { source: 'import' | 'webset'; id: string };
export type ScopeRef = NonNullable<NonNullable<Schemas['CreateWebsetParameters']['search']>['scope']>[number];

/** The settings of an Enrichment from an instant on: each update adds a version, results keep theirs. */
export interface EnrichmentVersion {
  from: number;
  description: string;
  format: EnrichmentFormat;
  options: EnrichmentOption[] | null;
  metadata: Record<string, string>;
}

/** An Enrichment: its core run (null on a Webset without Items: nothing to run) and its settings history. */
export interface EnrichmentRecord {
  id: string;
  websetId: string;
  run: Run | null;
  createdAt: number;
  versions: [EnrichmentVersion, ...EnrichmentVersion[]];
  deletedAt: number | null;
}

/** The search that filled a Webset; it finds its Items at creation. */
export interface SearchRecord {
  id: string;
  query: string;
  entity: 'person' | 'company';
  criteria: string[];
  count: number;
  /** The soft cap on people per employer the search was asked for; echoed, not applied. */
  maxPeoplePerCompany: number | null;
  recall: boolean;
  exclude: SourceRef[];
  scope: ScopeRef[];
}

/** A Webset: a list of generated leads in the tenant's world, plus what the Exa API adds around it. */
export interface WebsetRecord {
  id: string;
  externalId: string | null;
  title: string | null;
  list: LeadList;
  /** Head of every item id of this Webset. */
  itemPrefix: string;
  search: SearchRecord | null;
  excludes: SourceRef[];
  enrichments: EnrichmentRecord[];
  /** Deleted Items: index -> instant of deletion. */
  deletedItems: Map<number, number>;
  metadata: Record<string, string>;
  createdAt: number;
  /** Last metadata update. */
  editedAt: number;
  deletedAt: number | null;
}

/** The Websets of one API key, in creation order, with indexes by id, externalId and list. */
export interface TenantWebsets {
  /** Every Webset created, deleted ones included, oldest first. */
  readonly websets: readonly WebsetRecord[];
  /**
   * Hands over the Websets a command may have changed since the last call (every Webset created, every
   * Webset a command named with `touch`), each once, in the order they first changed, and forgets them:
   * for the one reader, the vendor's event index (see `event-index`). Bounded by the number of Websets.
   */
  takeChanges(): WebsetRecord[];
  add(webset: WebsetRecord): void;
  /** Records that a command may have changed the Webset's events. */
  touch(webset: WebsetRecord): void;
  /** A live Webset by id or externalId: O(1). */
  find(reference: string): WebsetRecord | undefined;
  /** The Webset whose Items are the list with this id (live or not). */
  ofList(listId: string): WebsetRecord | undefined;
  /** The live Websets newest first, from the one after `cursor` (an id); undefined for an unknown cursor. */
  newestFirst(cursor: string | undefined): Iterable<WebsetRecord> | undefined;
}

/** A tenant's Websets and their indexes, empty. */
function createTenantWebsets(): TenantWebsets {
  const websets: WebsetRecord[] = [];
  const changes = new Set<WebsetRecord>();
  const position = new Map<WebsetRecord, number>();
  const byId = new Map<string, WebsetRecord>();
  const byExternalId = new Map<string, WebsetRecord>();
  const byList = new Map<string, WebsetRecord>();
  const live = (webset: WebsetRecord | undefined): WebsetRecord | undefined =>
    webset?.deletedAt === null ? webset : undefined;
  function* olderThan(at: number): Generator<WebsetRecord> {
    for (let i = at - 1; i >= 0; i--) {
      const webset = websets[i];
      if (webset?.deletedAt === null) yield webset;
    }
  }
  return {
    websets,
    takeChanges() {
      const taken = [...changes];
      changes.clear();
      return taken;
    },
    add(webset) {
      position.set(webset, websets.length);
      websets.push(webset);
      changes.add(webset);
      byId.set(webset.id, webset);
      byList.set(webset.list.id, webset);
      // Creation refuses an externalId a live Webset has: the latest with it is the only live one.
      if (webset.externalId !== null) byExternalId.set(webset.externalId, webset);
    },
    touch: (webset) => void changes.add(webset),
    find(reference) {
      // The first in creation order, as when an externalId is another Webset's id.
      const named = live(byId.get(reference));
      const external = live(byExternalId.get(reference));
      if (!named || !external) return named ?? external;
      return (position.get(external) ?? 0) < (position.get(named) ?? 0) ? external : named;
    },
    ofList: (listId) => byList.get(listId),
    newestFirst(cursor) {
      if (cursor === undefined) return olderThan(websets.length);
      const named = live(byId.get(cursor));
      return named && olderThan(position.get(named) ?? 0);
    },
  };
}

/**
 * Keeps each tenant's Websets next to its core world: keyed by the core's tenant object, so a reset or a
 * new scenario (which makes new tenants) starts with no Websets.
 *
 * @example
 * const store = createWebsetStore();
 * store.of(simulator.tenant('key')).find('crm-list-4711');
 */
export function createWebsetStore() {
  const byTenant = new WeakMap<Tenant, TenantWebsets>();
  return {
    of(tenant: Tenant): TenantWebsets {
      let found = byTenant.get(tenant);
      if (!found) byTenant.set(tenant, (found = createTenantWebsets()));
      return found;
    },
    /** The tenant's Websets if it has any record, without creating one (a lookup from another scenario). */
    peek: (tenant: Tenant): TenantWebsets | undefined => byTenant.get(tenant),
  };
}

export type WebsetStore = ReturnType<typeof createWebsetStore>;

/** Whether Item `index` of the Webset exists at `t` (it has not been deleted by then). */
export function itemExistsAt(webset: WebsetRecord, index: number, t: number): boolean {
  const deletedAt = webset.deletedItems.get(index);
  return index >= 0 && index < webset.list.size && (deletedAt === undefined || t < deletedAt);
}

/** Whether the Enrichment exists at `t`: created, not deleted, and its run not expired. */
export function enrichmentExistsAt(enrichment: EnrichmentRecord, t: number): boolean {
  const expiresAt = enrichment.run?.expiresAt ?? null;
  return (
    enrichment.createdAt <= t &&
    (enrichment.deletedAt === null || t < enrichment.deletedAt) &&
    (expiresAt === null || t < expiresAt)
  );
}
