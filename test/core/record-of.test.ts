import { describe, expect, it } from 'vitest';
import { recordOf } from '../../src/core/record-of.js';

describe('recordOf', () => {
  it('gives every key its value, in the order of the keys', () => {
    const record = recordOf(['b', 'a', 'c'] as const, (key) => key.toUpperCase());
    expect(record).toEqual({ b: 'B', a: 'A', c: 'C' });
    expect(Object.keys(record)).toEqual(['b', 'a', 'c']);
  });

  it('gives an empty record for no keys', () => {
    expect(recordOf([], (key: string) => key)).toEqual({});
  });
});
