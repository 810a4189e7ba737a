import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/core/compare-text.js';

describe('compareText', () => {
  it('orders by code units, upper case before lower, whatever the locale', () => {
    expect(['b', 'B', 'a', 'key_10', 'key_2'].sort(compareText)).toEqual(['B', 'a', 'b', 'key_10', 'key_2']);
  });

  it('calls two strings equal only when they are the same (localeCompare ignores a soft hyphen)', () => {
    expect('pk\u00adlive'.localeCompare('pklive')).toBe(0);
    expect(compareText('pk\u00adlive', 'pklive')).not.toBe(0);
    expect(compareText('pklive', 'pklive')).toBe(0);
  });
});
