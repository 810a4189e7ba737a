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
