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

/** The Websets of one API key, in creation order. */
export interface TenantWebsets {
  websets: WebsetRecord[];
  /** A live Webset by id or externalId. */
  find(reference: string): WebsetRecord | undefined;
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
      if (!found) {
        const websets: WebsetRecord[] = [];
        found = {
          websets,
          find: (reference) =>
            websets.find(
              (webset) =>
                webset.deletedAt === null && (webset.id === reference || webset.externalId === reference),
            ),
        };
        byTenant.set(tenant, found);
      }
      return found;
    },
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
