import fc from 'fast-check';

/** Keys that turn into prototype changes when a server merges a body carelessly. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** What a polluted prototype would show: checked on `{}` after every batch. */
export const POLLUTION_MARK = 'hardeningPolluted';

/** Scalars and small structures that break naive parsers, validators and arithmetic. */
export const HOSTILE_VALUES: readonly unknown[] = [
  1e308,
  -1e308,
  2 ** 64,
  -(2 ** 64),
  2 ** 53 + 2,
  -1,
  0,
  0.5,
  Number.MIN_VALUE,
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '',
  ' ',
  '\u0000',
  '\ud800',
  '💥🧨',
  'e\u0301\u200d\u202e',
  'İıǅ',
  'x'.repeat(5_000),
  '__proto__',
  'constructor',
  '../../../etc/passwd',
  '%00%2F%252F',
  '<script>alert(1)</script>',
  "'; DROP TABLE runs; --",
  '{"$ref":"#"}',
  null,
  true,
  false,
  [],
  [null],
  {},
  { [POLLUTION_MARK]: true },
];

/** Hostile strings for ids in paths, query values and headers (headers get their Latin-1 subset). */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '0',
  '-1',
  '1e308',
  'NaN',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'toString',
  '..',
  '.',
  '%',
  '%zz',
  '%00',
  '%2F',
  '%E0%A4%A',
  '💥',
  'ñandú',
  'Ｒｕｎ',
  '\u202eevil',
  'a'.repeat(4_000),
  '*',
  '?',
  '#',
  '[]',
  '{}',
  'a,b,c',
  "' OR 1=1 --",
];

/** Number literals written straight into JSON text (some parse to values JSON.stringify cannot write). */
export const RAW_NUMBERS = [
  '-0',
  '1e400',
  '-1e400',
  '1E308',
  '18446744073709551616',
  '0.1e-400',
  '1.0',
  '00',
  '+1',
];

/** Byte sequences that are not UTF-8: stray continuation, overlong, surrogate, truncated, out of range. */
export const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xff],
  [0x80],
  [0xc0, 0xaf],
  [0xc3, 0x28],
  [0xed, 0xa0, 0x80],
  [0xe2, 0x82],
  [0xf4, 0x90, 0x80, 0x80],
  [0xfe, 0xfe, 0xff, 0xff],
];

/** Content types, mostly not JSON. */
export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/vnd.api+json',
  'APPLICATION/JSON',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  'application/json; charset="utf-16"',
  'application/jsonx',
  '*/*',
  '',
];

/** Request methods a client can send, including ones no route serves and lower-case spellings. */
export const METHODS = [
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'HEAD',
  'PROPFIND',
  'patch',
  'FOO',
];

export const hostileValue = (): fc.Arbitrary<unknown> => fc.constantFrom(...HOSTILE_VALUES);
export const hostileString = (): fc.Arbitrary<string> => fc.constantFrom(...HOSTILE_STRINGS);

/** A string as a header value can carry it: Latin-1 without controls (the rest the Headers class refuses). */
export function toHeaderValue(value: string): string {
  return value.replace(/[^\x20-\x7e\xa0-\xff]/g, '?').slice(0, 2_000);
}

/** `Object.prototype` as it is now: compare before and after a batch to detect pollution. */
export function prototypeFingerprint(): string {
  const probe: Record<string, unknown> = {};
  return JSON.stringify([
    Object.getOwnPropertyNames(Object.prototype).sort(),
    probe[POLLUTION_MARK] ?? null,
    Object.getOwnPropertyNames(Array.prototype).length,
  ]);
}
