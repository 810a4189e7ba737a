import { describe, expect, it } from 'vitest';
import { keepBody } from '../../src/http/journal-body.js';

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).byteLength;

describe('keepBody', () => {
  it.each([
    ['ASCII', '{"id":"run_1"}'],
    ['two-byte characters', '"café"'],
    ['three-byte characters', '"€ 10"'],
    ['a surrogate pair', '"🙂"'],
    ['a lone surrogate (written as U+FFFD)', '"\uD83D"'],
    ['nothing', ''],
  ])('counts the UTF-8 bytes of a body kept whole: %s', (_name, text) => {
    expect(keepBody({ text }, 1_000)).toEqual({ text, bytes: utf8Bytes(text) });
  });

  it('keeps the first bytes of a longer body without splitting a character, with its whole size', () => {
    expect(keepBody({ text: 'ééé' }, 3)).toEqual({
      text: 'é',
      bytes: 2,
      cut: { reason: 'truncated', size: 6 },
    });
  });

  it('keeps only the size of a body to omit, and the wire size of a request read only in part', () => {
    expect(keepBody({ text: '{"a":1}', omit: true }, 1_000)).toEqual({
      text: null,
      bytes: 0,
      cut: { reason: 'omitted', size: 7 },
    });
    expect(keepBody({ text: 'ab', size: 10 }, 1_000)).toEqual({
      text: 'ab',
      bytes: 2,
      cut: { reason: 'truncated', size: 10 },
    });
    expect(keepBody({ text: null }, 1_000)).toEqual({ text: null, bytes: 0 });
  });
});
