import type { Subject } from '../scenario/types.js';
import type { FakeData } from './fake-data.js';
import { derive, toHex } from './random.js';

/** A lead: a person or a company in a tenant's world. */
export interface Lead {
  id: string;
  listId: string;
  /** Position in its list. */
  index: number;
  subject: Subject;
  attributes: Record<string, string | number | boolean | null>;
  createdAt: number;
}

/**
 * A list of leads. The first `explicit.length` leads are written out by the scenario (or the client);
 * the rest are generated on demand from the seed, so a list of a million leads costs a few bytes.
 */
export interface LeadList {
  id: string;
  name: string;
  subject: Subject;
  size: number;
  createdAt: number;
  /** Ten hex characters that identify the list inside its generated lead ids. */
  tag: string;
  seed: number;
  explicit: Lead[];
  externalId: string | null;
  metadata: Record<string, string>;
}

/** Generated lead ids are ObjectId-shaped: 8 hex of creation seconds, 10 hex list tag, 6 hex index. */
export const MAX_GENERATED_LEADS = 0xffffff;

export function generatedLeadId(list: LeadList, index: number): string {
  const seconds = Math.floor(list.createdAt / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8);
  return `${seconds}${list.tag}${index.toString(16).padStart(6, '0')}`;
}

/** Decodes a generated lead id into its list tag and index, or null when it is not one. */
export function parseGeneratedLeadId(id: string): { tag: string; index: number } | null {
  if (!/^[0-9a-f]{24}$/.test(id)) return null;
  return { tag: id.slice(8, 18), index: parseInt(id.slice(18), 16) };
}

/**
 * The index a generated lead id names in `list`, or -1 when it names none of the list's generated leads:
 * not a generated id, another list's tag, an index outside the generated range (written-out leads and
 * past the end), or another creation second.
 *
 * @example
 * generatedIndexOf(list, generatedLeadId(list, list.explicit.length)); // list.explicit.length
 */
export function generatedIndexOf(list: LeadList, id: string): number {
  const parsed = parseGeneratedLeadId(id);
  if (!parsed || parsed.tag !== list.tag || parsed.index < list.explicit.length || parsed.index >= list.size)
    return -1;
  // The id also encodes the list's creation second: a different one names no lead.
  return generatedLeadId(list, parsed.index) === id ? parsed.index : -1;
}

export function listTag(seed: number, tenant: string, listNumber: number): string {
  return toHex(derive(seed, 'list-tag', tenant, listNumber), 10);
}

/** The lead at `index` of `list` (undefined past its end). */
export function leadAt(list: LeadList, index: number, fake: FakeData): Lead | undefined {
  if (index < 0 || index >= list.size || !Number.isInteger(index)) return undefined;
  const written = list.explicit[index];
  if (written) return written;
  return {
    id: generatedLeadId(list, index),
    listId: list.id,
    index,
    subject: list.subject,
    attributes: fake.lead(derive(list.seed, index), list.subject),
    createdAt: list.createdAt,
  };
}
