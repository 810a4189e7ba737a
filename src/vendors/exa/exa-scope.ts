import type { RequestContext, VendorFailure, VendorSuccess } from '../../adapter/vendor-definition.js';
import { createFakeData, type FakeData } from '../../core/fake-data.js';
import type { Simulator } from '../../core/simulator.js';
import { elsewhereHint } from '../../runtime/elsewhere-hint.js';
import { EXA_TAGS } from './exa-errors.js';
import type { WebsetPartContext } from './exa-handlers.js';
import type { ItemSource } from './to-item.js';
import {
  createWebsetStore,
  enrichmentExistsAt,
  type EnrichmentRecord,
  type TenantWebsets,
  type WebsetRecord,
  type WebsetStore,
} from './webset-store.js';

/** What every Exa operation shares: the tenants' Websets and the seeded fake data results come from. */
export interface ExaDependencies {
  store: WebsetStore;
  fake: FakeData;
}

export function createExaDependencies(): ExaDependencies {
  return { store: createWebsetStore(), fake: createFakeData() };
}

/** One request's view of the world: the simulator, the tenant's Websets and the current instant. */
export interface ExaScope {
  simulator: Simulator;
  key: string;
  websets: TenantWebsets;
  now: number;
  items: ItemSource;
  /** Every tenant's Websets, in every scenario (for 404s that point to another scenario). */
  store: WebsetStore;
}

export function scopeOf(dependencies: ExaDependencies, context: RequestContext): ExaScope {
  const { simulator } = context.context;
  return {
    simulator,
    key: context.tenant,
    websets: dependencies.store.of(simulator.tenant(context.tenant)),
    now: simulator.now(),
    items: itemSourceOf(dependencies, simulator),
    store: dependencies.store,
  };
}

/** Where Items come from in `simulator`'s world: the Webset's generated leads and the shared fake data. */
export function itemSourceOf(dependencies: ExaDependencies, simulator: Simulator): ItemSource {
  return { fake: dependencies.fake, leadAt: (webset, index) => simulator.leadAt(webset.list, index) };
}

/**
 * The Webset named by a path parameter (id or externalId), or the 404 to answer. A command (any method
 * but GET) is recorded as a change of the Webset, for the event index.
 */
export function findWebset(
  context: RequestContext,
  scope: ExaScope,
  reference: string,
): WebsetRecord | VendorFailure {
  const webset = scope.websets.find(reference);
  // A command naming a Webset may change its events: the event index derives them again.
  if (webset && context.method !== 'GET') scope.websets.touch(webset);
  if (webset) return webset;
  const hint = elsewhereHint(context.context, (other) => {
    const tenant = other.simulator.peekTenant(scope.key);
    return tenant !== undefined && scope.store.peek(tenant)?.find(reference) !== undefined;
  });
  return context.fail(
    404,
    EXA_TAGS.notFound,
    `Webset ${reference} not found for this API key. Pass the id or the externalId of one of your Websets: GET /websets/v0/websets lists them (a new key has none until it creates one with POST /websets/v0/websets).${hint}`,
  );
}

/** The Enrichment of a Webset named by path parameters, or the 404 to answer. */
export function findEnrichment(
  context: WebsetPartContext,
  scope: ExaScope,
): { webset: WebsetRecord; enrichment: EnrichmentRecord } | VendorFailure {
  const webset = findWebset(context, scope, context.params.webset);
  if (!isWebset(webset)) return webset;
  const { id } = context.params;
  const enrichment = webset.enrichments.find(
    (candidate) => candidate.id === id && enrichmentExistsAt(candidate, scope.now),
  );
  return enrichment
    ? { webset, enrichment }
    : context.fail(
        404,
        EXA_TAGS.notFound,
        `Enrichment ${id} not found in Webset ${webset.id}. Read Webset.enrichments for the ids it has.`,
      );
}

/** True when a lookup found a Webset rather than an error response. */
export function isWebset(found: WebsetRecord | VendorFailure): found is WebsetRecord {
  return 'list' in found;
}

/** A 200 JSON answer. */
export const ok = <Body>(body: Body, status = 200): VendorSuccess<Body> => ({ status, body });
