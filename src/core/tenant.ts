import type { ListSpec, Scenario, TenantSpec } from '../scenario/types.js';
import type { FakeData } from './fake-data.js';
import {
  generatedIndexOf,
  generatedLeadId,
  leadAt,
  listTag,
  MAX_GENERATED_LEADS,
  parseGeneratedLeadId,
  type Lead,
  type LeadList,
} from './lead-list.js';
import { derive, mix, toHex, toUnit } from './random.js';
import type { Run } from './run.js';
import type { RunHorizonIndex } from './run-horizon-index.js';

/** How many expired runs' writes a tenant keeps; older ones are forgotten, bounding memory. */
export const RETIRED_RUNS_KEPT = 1_000;

/**
 * How many tenants (API keys) a simulator keeps at once. Past it, the tenant idle longest is forgotten, as
 * if reset: its runs, lists, credits, revocation and idempotency keys go, and its next request starts it
 * afresh from the scenario. Generous, so that no key a client is using is forgotten under normal use.
 */
export const MAX_TENANTS = 10_000;

/** One API key's world: credits, lists of leads, its runs and its idempotency keys. */
export interface Tenant {
  key: string;
  credits: number;
  revoked: boolean;
  lists: LeadList[];
  listsById: Map<string, LeadList>;
  listsByTag: Map<string, LeadList>;
  /** Written-out leads whose id is not a generated one. */
  leadsById: Map<string, Lead>;
  /** The lists that write out a lead with this id (an id may be in several). */
  explicitLists: Map<string, LeadList[]>;
  /** The runs that write an attribute, by attribute and the list or lead they cover (see `lead-writes`). */
  writes: Map<string, RunHorizonIndex>;
  preEnriched: Record<string, number>;
  runs: Map<string, Run>;
  /**
   * Expired runs, newest last: no longer found, but what they wrote stays on the leads (as the vendors
   * keep results on leads after a job expires). At most `RETIRED_RUNS_KEPT` per tenant.
   */
  retired: Run[];
  idempotency: Map<string, { fingerprint: string; runIds: string[] }>;
  /** Counter behind every id this tenant is given (runs, lists). */
  sequence: number;
}

export interface TenantContext {
  scenario: Scenario;
  fake: FakeData;
  now: number;
  /** The seed the list's id, tag and leads derive from; default the scenario's (see `createdSeed`). */
  seed?: number;
}

/** Creates a tenant's world from the scenario: its own entry, else the defaults. */
export function createTenant(key: string, { scenario, fake }: Omit<TenantContext, 'now'>): Tenant {
  // API keys come from clients: 'constructor' or '__proto__' must not find Object.prototype's members.
  const own = Object.hasOwn(scenario.world.tenants, key) ? scenario.world.tenants[key] : undefined;
  const spec: TenantSpec = own ?? scenario.world.defaults;
  const tenant: Tenant = {
    key,
    credits: spec.credits,
    revoked: scenario.world.revokedKeys.includes(key),
    lists: [],
    listsById: new Map(),
    listsByTag: new Map(),
    leadsById: new Map(),
    explicitLists: new Map(),
    writes: new Map(),
    preEnriched: spec.preEnriched,
    runs: new Map(),
    retired: [],
    idempotency: new Map(),
    sequence: 0,
  };
  for (const list of spec.lists) addList(tenant, list, { scenario, fake, now: scenario.startAtMs });
  return tenant;
}

/** Adds a list to a tenant (from a scenario, or created by a client such as an Exa webset). */
export function addList(
  tenant: Tenant,
  spec: ListSpec & { externalId?: string | null; metadata?: Record<string, string> },
  { scenario, fake, now, seed: base = scenario.seed }: TenantContext,
): LeadList {
  const size = spec.leads.length + spec.generate;
  if (!Number.isInteger(size) || size < 0 || size > MAX_GENERATED_LEADS) {
    throw new RangeError(
      `Cannot add list "${spec.name}" of ${size} leads: a list holds a whole number of leads up to ${MAX_GENERATED_LEADS} (generated lead ids encode the index in 6 hex digits). Validate the size before adding the list.`,
    );
  }
  const number = ++tenant.sequence;
  const seed = derive(base, 'list', tenant.key, number);
  const list: LeadList = {
    id: spec.id ?? `list_${toHex(derive(base, 'list-id', tenant.key, number), 12)}`,
    name: spec.name,
    subject: spec.subject,
    size,
    createdAt: now,
    tag: listTag(base, tenant.key, number),
    seed,
    explicit: [],
    externalId: spec.externalId ?? null,
    metadata: spec.metadata ?? {},
  };
  list.explicit = spec.leads.map((lead, index) => {
    const generated = fake.lead(derive(seed, index), spec.subject);
    return {
      id: lead.id ?? generatedLeadId(list, index),
      listId: list.id,
      index,
      subject: spec.subject,
      attributes: { ...generated, ...lead.attributes },
      createdAt: now,
    };
  });
  for (const lead of list.explicit) {
    tenant.leadsById.set(lead.id, lead);
    tenant.explicitLists.set(lead.id, [...(tenant.explicitLists.get(lead.id) ?? []), list]);
  }
  tenant.lists.push(list);
  tenant.listsById.set(list.id, list);
  tenant.listsByTag.set(list.tag, list);
  return list;
}

/**
 * The list whose tag a generated lead id carries, without generating the lead (the id may still name
 * none of its leads: see `generatedIndexOf`).
 */
export function listOfGeneratedId(tenant: Tenant, id: string): LeadList | undefined {
  const parsed = parseGeneratedLeadId(id);
  return parsed ? tenant.listsByTag.get(parsed.tag) : undefined;
}

/** Finds a lead of the tenant by id, written out or generated. */
export function findLead(tenant: Tenant, id: string, fake: FakeData): Lead | undefined {
  const written = tenant.leadsById.get(id);
  if (written) return written;
  const list = listOfGeneratedId(tenant, id);
  const index = list ? generatedIndexOf(list, id) : -1;
  return list && index >= 0 ? leadAt(list, index, fake) : undefined;
}

/**
 * The share of generated leads the scenario gives `attribute` before any run writes it (0 when none;
 * API input must not find Object.prototype's members).
 */
export function preEnrichedShare(tenant: Tenant, attribute: string): number {
  return Object.hasOwn(tenant.preEnriched, attribute) ? (tenant.preEnriched[attribute] ?? 0) : 0;
}

/**
 * Which generated leads of `list` the scenario gives `attribute` before any run writes it, as a test
 * per lead index; null when none are. Hashes the list and attribute once, for scans over whole lists.
 *
 * @example
 * const test = preEnrichedTest(tenant, list, 'workEmail');
 * const count = test ? indices.filter(test).length : 0;
 */
export function preEnrichedTest(
  tenant: Tenant,
  list: LeadList,
  attribute: string,
): ((index: number) => boolean) | null {
  const share = preEnrichedShare(tenant, attribute);
  if (!(share > 0)) return null;
  // `derive(seed, ...parts, index)` is `mix(derive(seed, ...parts), index)`: the prefix is hashed once.
  const key = derive(list.seed, 'pre-enriched', attribute);
  return (index) => toUnit(mix(key, index)) < share;
}

/** Whether the scenario gives a generated lead an attribute before any run writes it. */
export function isPreEnriched(tenant: Tenant, list: LeadList, index: number, attribute: string): boolean {
  return preEnrichedTest(tenant, list, attribute)?.(index) ?? false;
}
