import { derive, toToken } from '../../core/random.js';

/** Crockford base32 in lower case: the alphabet of Exa's ULID-like ids (`webset_01k07c8m...`). */
const ULID = '0123456789abcdefghjkmnpqrstvwxyz';
const ID_LENGTH = 26;
/** Item ids end with the item's index in 8 base-32 digits, so they can be read back without a table. */
const INDEX_DIGITS = 8;

/**
 * An Exa-shaped id: `prefix_` and 26 seeded characters drawn from `seed` and `parts`.
 *
 * @example
 * exaId('webset', list.seed, 'webset'); // 'webset_01k07c8m2q4t6v8x0z2b4d6f8h'
 */
export function exaId(prefix: string, seed: number, ...parts: (string | number)[]): string {
  return `${prefix}_${toToken(derive(seed, ...parts), ID_LENGTH, ULID)}`;
}

/** The enrichment id of a core run, from the run's seeded UUID. */
export function enrichmentIdFromUuid(uuid: string): string {
  return `wenrich_${uuid.replaceAll('-', '').slice(0, ID_LENGTH)}`;
}

/** The common head of every item id of one webset: `witem_` and 18 seeded characters. */
export function itemIdPrefix(seed: number): string {
  return `witem_${toToken(derive(seed, 'exa-item'), ID_LENGTH - INDEX_DIGITS, ULID)}`;
}

/** The id of item `index` of a webset whose item ids start with `prefix`. */
export function itemId(prefix: string, index: number): string {
  return `${prefix}${index.toString(32).padStart(INDEX_DIGITS, '0')}`;
}

/** The index an item id names within the webset of `prefix`, or undefined when it is not one of its ids. */
export function itemIndex(prefix: string, id: string): number | undefined {
  if (!id.startsWith(prefix)) return undefined;
  const digits = id.slice(prefix.length);
  return /^[0-9a-v]{8}$/.test(digits) ? parseInt(digits, 32) : undefined;
}
