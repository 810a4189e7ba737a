import fc from 'fast-check';
import type { HeaderMap } from './vendor-targets.js';

/** A value taken at send time from the ids the fuzz has seen so far (`index` modulo their count). */
export class Harvested {
  constructor(
    readonly index: number,
    /** Only ids this matches (`/^webset_/`), when the pool has any. */
    readonly kind?: RegExp,
  ) {}
}

/** A harvested id: ids exist only once earlier requests created them, so they are picked when sent. */
export const harvested = (kind?: RegExp): fc.Arbitrary<Harvested> =>
  fc.nat().map((index) => new Harvested(index, kind));
/** Ids the fuzz can fill into `Harvested` slots: seeded ones plus those seen in answers, with who saw them. */
export interface IdPool {
  ids: string[];
  /** Id -> the credentials (`ownerOf`) of the answer it came from. */
  owners: Map<string, string>;
  /** Id -> the id of the object it belongs to (an Item's or Enrichment's `websetId`). */
  parents: Map<string, string>;
}

export const createIdPool = (): IdPool => ({ ids: [], owners: new Map(), parents: new Map() });

/** Who a request is, as far as ids go: its credential headers. */
export function ownerOf(headers: HeaderMap): string {
  return ['authorization', 'x-api-key', 'x-workspace-id'].map((name) => headers[name] ?? '').join('|');
}

/** Adds the id-like strings of a JSON answer to the pool (bounded: the first ones stay, the rest rotate). */
export function harvest(pool: IdPool, json: unknown, owner: string, limit = 400): void {
  const keys = new Set([
    'id',
    'enrichmentRunId',
    'runId',
    'jobId',
    'websetId',
    'externalId',
    'nextCursor',
    'leadId',
  ]);
  const walk = (value: unknown, depth: number): void => {
    if (depth > 6 || typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (typeof record['id'] === 'string' && typeof record['websetId'] === 'string')
      pool.parents.set(record['id'], record['websetId']);
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'string' && keys.has(key) && child !== '' && !pool.ids.includes(child)) {
        if (pool.ids.length >= limit) pool.ids.splice(limit / 2, 1);
        pool.ids.push(child);
        pool.owners.set(child, owner);
      } else walk(child, depth + 1);
    }
  };
  walk(json, 0);
}

/**
 * Three times in four, puts the parent of a harvested child id into the harvested segment before it
 * (`/websets/{webset}/items/{id}`: the item's own Webset), so nested paths reach real objects.
 */
export function linkParents(planned: readonly unknown[], filled: string[], pool: IdPool): string[] {
  const linked = [...filled];
  for (let at = planned.length - 1; at > 0; at -= 1) {
    const child = planned[at];
    const parentAt = planned.findLastIndex((segment, i) => i < at && segment instanceof Harvested);
    const parent = pool.parents.get(linked[at] ?? '');
    if (child instanceof Harvested && parentAt >= 0 && parent !== undefined && child.index % 4 !== 1)
      linked[parentAt] = parent;
  }
  return linked;
}

/**
 * Fills `Harvested` slots: an id of the wanted kind, three times in four one the requester itself was
 * given (so requests reach real objects), else anyone's (so they probe other tenants' objects).
 */
export function fill(value: unknown, pool: IdPool, owner: string): unknown {
  if (value instanceof Harvested) {
    const { kind, index } = value;
    if (pool.ids.length === 0) return 'missing';
    const fitting = kind ? pool.ids.filter((id) => kind.test(id)) : pool.ids;
    const kindIds = fitting.length > 0 ? fitting : pool.ids;
    const own = kindIds.filter((id) => pool.owners.get(id) === owner);
    const ids = index % 4 !== 0 && own.length > 0 ? own : kindIds;
    return ids[Math.floor(index / 4) % Math.max(1, ids.length)] ?? 'missing';
  }
  if (Array.isArray(value)) return value.map((entry) => fill(entry, pool, owner));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, fill(entry, pool, owner)]));
  return value;
}
