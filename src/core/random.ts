/**
 * Seeded, stateless randomness. Every random quantity in the simulator is a pure function of a seed and
 * the coordinates of the thing it describes (run, item index, purpose), so item 999,999 of a run can be
 * derived without deriving the items before it, and two engines with one seed agree bit for bit.
 */

/** FNV-1a over a string, continued from `h`. */
export function hashString(text: string, h = 0x811c9dc5): number {
  let hash = h >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Combines a hash with an integer coordinate (murmur3's finaliser over the pair). */
export function mix(h: number, value: number): number {
  let x = (h ^ Math.imul(value | 0, 0x9e3779b1) ^ Math.floor(value / 4294967296)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A uniform number in [0, 1) from a hash. */
export function toUnit(h: number): number {
  return mix(h, 0x5bd1e995) / 4294967296;
}

/** A hash of a seed and any number of coordinates: `derive(seed, 'run', tenant, 3)`. */
export function derive(seed: number, ...parts: (string | number)[]): number {
  let h = mix(0x811c9dc5, seed);
  for (const part of parts) h = typeof part === 'number' ? mix(h, part) : hashString(part, mix(h, 0x2f));
  return h;
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

/** The char codes of `length` characters of `alphabet`, drawn from a hash. */
function drawCodes(h: number, length: number, alphabet: string): number[] {
  const codes = new Array<number>(length);
  let state = h;
  for (let i = 0; i < length; i++) {
    state = mix(state, i + 1);
    codes[i] = alphabet.charCodeAt(state % alphabet.length);
  }
  return codes;
}

/** `length` characters of `alphabet`, drawn from a hash. */
export function toToken(h: number, length: number, alphabet = ALPHANUMERIC): string {
  // Char codes joined once: a flat string, not a rope of `length` concatenations kept alive with the id.
  return String.fromCharCode(...drawCodes(h, length, alphabet));
}

const DASH = '-'.charCodeAt(0);
const ZERO = '0'.charCodeAt(0);
const FOUR = '4'.charCodeAt(0);

/** A version-4-shaped UUID drawn from a hash. */
export function toUuid(h: number): string {
  const hex = drawCodes(h, 32, HEX);
  const variant = HEX.charCodeAt(8 + (mix(h, 99) % 4));
  // Char codes joined once into a flat string (a template of slices would keep a rope alive per id).
  const codes: number[] = [];
  for (let i = 0; i < 32; i++) {
    if (i === 8 || i === 12 || i === 16 || i === 20) codes.push(DASH);
    codes.push(i === 12 ? FOUR : i === 16 ? variant : (hex[i] ?? ZERO));
  }
  return String.fromCharCode(...codes);
}

/** `count` lowercase hex characters drawn from a hash. */
export function toHex(h: number, count: number): string {
  return toToken(h, count, HEX);
}
