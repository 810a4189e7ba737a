import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan, readJsonBody } from '../../src/http/read-json-body.js';

const read = (text: string) =>
  readJsonBody(
    { headers: new Headers({ 'content-type': 'application/json' }), body: new TextEncoder().encode(text) },
    { limitBytes: 1_048_576 },
  );

const arrays = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const objects = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
/** Alternating objects and arrays: `{"a":[{"a":[...]}]}`. */
const mixed = (depth: number): string => {
  let text = '1';
  for (let level = depth; level > 0; level -= 1) text = level % 2 === 0 ? `[${text}]` : `{"a":${text}}`;
  return text;
};

describe('readJsonBody nesting depth', () => {
  it('is 512 levels', () => {
    expect(MAX_JSON_DEPTH).toBe(512);
  });

  it.each([
    { name: 'arrays', make: arrays },
    { name: 'objects', make: objects },
    { name: 'arrays and objects', make: mixed },
  ])('accepts $name nested exactly 512 levels deep', ({ make }) => {
    const text = make(MAX_JSON_DEPTH);
    const result = read(text);
    expect(result).toEqual({ ok: true, body: JSON.parse(text) as unknown });
  });

  it.each([
    { name: 'arrays 513 levels', text: arrays(MAX_JSON_DEPTH + 1) },
    { name: 'objects 513 levels', text: objects(MAX_JSON_DEPTH + 1) },
    { name: 'arrays and objects 513 levels', text: mixed(MAX_JSON_DEPTH + 1) },
    { name: 'objects 10,000 levels', text: `{"ok":true,"nested":${objects(10_000)}}` },
    { name: 'arrays 100,000 levels', text: arrays(100_000) },
    { name: 'arrays 100,000 levels, never closed', text: '['.repeat(100_000) },
  ])('refuses $name with invalid_json before parsing', ({ text }) => {
    const result = read(text);
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid_json',
      message: expect.stringMatching(/^Request body nests deeper than 512 levels/),
    });
  });

  it('counts no brackets inside strings, escaped quotes included', () => {
    const brackets = '[{'.repeat(2_000);
    const text = JSON.stringify({
      text: brackets,
      quoted: `\\"${brackets}\\\\`,
      keys: { [brackets]: [[1]] },
    });
    const result = read(text);
    expect(result).toEqual({ ok: true, body: JSON.parse(text) as unknown });
  });

  it('names the offset where level 513 opens (the object is level 1)', () => {
    const result = read(`{"a":${arrays(MAX_JSON_DEPTH)}}`);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('position 516') });
  });

  it('tells without parsing whether text nests deeper than a depth', () => {
    expect(nestsDeeperThan(arrays(MAX_JSON_DEPTH))).toBe(false);
    expect(nestsDeeperThan(arrays(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(nestsDeeperThan('[[["]]]]]]"]]]', 2)).toBe(true);
    expect(nestsDeeperThan('[["[[[[[["]]', 2)).toBe(false);
    expect(nestsDeeperThan('not json {{{', 3)).toBe(false);
  });
});
