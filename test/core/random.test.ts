import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derive, hashString, mix, toHex, toToken, toUnit, toUuid } from '../../src/core/random.js';

/** The first cut's formulas, kept to pin ids: a faster implementation must give the very same ids. */
function referenceToken(h: number, length: number, alphabet: string): string {
  let out = '';
  let state = h;
  for (let i = 0; i < length; i++) {
    state = mix(state, i + 1);
    out += alphabet[state % alphabet.length];
  }
  return out;
}
function referenceUuid(h: number): string {
  const hex = referenceToken(h, 32, '0123456789abcdef');
  const variant = '0123456789abcdef'[8 + (mix(h, 99) % 4)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

describe('seeded randomness', () => {
  it.each([
    { given: '', want: 0x811c9dc5 },
    { given: 'a', want: 0xe40c292c },
    { given: 'foobar', want: 0xbf9cf968 },
  ])('hashes "$given" with FNV-1a to $want', ({ given, want }) => {
    expect(hashString(given)).toBe(want);
  });

  it('draws uniform numbers in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (h) => {
        const u = toUnit(h);
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThan(1);
      }),
      { seed: 1_001 },
    );
  });

  it('derives the same hash from the same coordinates, and another from others', () => {
    expect(derive(7, 'run', 'key_a', 3)).toBe(derive(7, 'run', 'key_a', 3));
    const variants = [
      derive(7, 'run', 'key_a', 4),
      derive(8, 'run', 'key_a', 3),
      derive(7, 'run', 'key_b', 3),
      derive(7, 'list', 'key_a', 3),
    ];
    expect(new Set([derive(7, 'run', 'key_a', 3), ...variants]).size).toBe(5);
  });

  it('gives distinct sequence numbers of one run key distinct hashes (mix is a bijection per prefix)', () => {
    const seen = new Set<number>();
    for (let sequence = 0; sequence < 50_000; sequence++) seen.add(mix(derive(9, 'run', 'key_a'), sequence));
    expect(seen.size).toBe(50_000);
  });

  it('shapes tokens, hex and UUIDs exactly as the reference formulas do', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 40 }), (h, length) => {
        expect(toToken(h, length)).toBe(referenceToken(h, length, 'abcdefghijklmnopqrstuvwxyz0123456789'));
        expect(toHex(h, length)).toBe(referenceToken(h, length, '0123456789abcdef'));
        const uuid = toUuid(h);
        expect(uuid).toBe(referenceUuid(h));
        expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }),
      { seed: 1_002, numRuns: 500 },
    );
  });
});
