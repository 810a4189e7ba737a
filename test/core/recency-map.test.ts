import { describe, expect, it } from 'vitest';
import { RecencyMap } from '../../src/core/recency-map.js';

describe('RecencyMap', () => {
  it('forgets the entry idle longest once past its limit, counting reads as use', () => {
    const evicted: string[] = [];
    const map = new RecencyMap<string, number>(2, { onEvict: (key) => evicted.push(key) });
    map.set('a', 1);
    map.set('b', 2);
    map.get('a');
    map.set('c', 3);
    expect([...map].map(([key]) => key)).toEqual(['a', 'c']);
    expect(evicted).toEqual(['b']);
  });

  it('does not count a peek as use', () => {
    const map = new RecencyMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.peek('a')).toBe(1);
    map.set('c', 3);
    expect(map.peek('a')).toBeUndefined();
    expect(map.size).toBe(2);
  });

  it('never forgets a kept key, forgetting the next idle one instead', () => {
    const map = new RecencyMap<string, number>(2, { keep: (key) => key === 'a' });
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3);
    expect([...map].map(([key]) => key)).toEqual(['a', 'c']);
  });
});
