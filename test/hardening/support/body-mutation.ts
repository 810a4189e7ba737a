import fc from 'fast-check';
import {
  CONTENT_TYPES,
  hostileValue,
  INVALID_UTF8,
  POLLUTION_MARK,
  PROTOTYPE_KEYS,
  RAW_NUMBERS,
} from './hostile-values.js';

/** One change to a JSON value; `at` picks the node (an index into the value's nodes, modulo their count). */
export type ValueMutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'remove'; at: number }
  | { kind: 'add-key'; at: number; key: string; value: unknown }
  | { kind: 'wrap'; at: number; inArray: boolean }
  | { kind: 'repeat'; at: number; times: number }
  | { kind: 'nest'; at: number; depth: number };

/** One change to the serialised body. */
export type TextMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'raw-number'; at: number; literal: string }
  | { kind: 'duplicate-key'; value: unknown }
  | { kind: 'bom' }
  | { kind: 'pad'; bytes: number }
  | { kind: 'replace-all'; text: string };

/** The body a fuzzed request sends: a JSON value, its mutations, how it is encoded and labelled. */
export interface BodyPlan {
  value: unknown;
  mutations: ValueMutation[];
  text: TextMutation | null;
  /** Bytes that are not UTF-8, spliced in at `at` (modulo the length). */
  invalidUtf8: { at: number; bytes: readonly number[] } | null;
  /** `undefined`: `application/json`. */
  contentType: string | undefined;
}

const node = fc.nat({ max: 10_000 });

const keyName = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<string>(...PROTOTYPE_KEYS, 'toString', 'hasOwnProperty', 'valueOf'),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 0, maxLength: 8 }) },
);

export const valueMutation: fc.Arbitrary<ValueMutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('replace' as const), at: node, value: hostileValue() }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: node }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('add-key' as const),
      at: node,
      key: keyName,
      value: fc.oneof(hostileValue(), fc.constant({ [POLLUTION_MARK]: true })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('wrap' as const), at: node, inArray: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('repeat' as const),
      at: node,
      times: fc.constantFrom(2, 101, 10_001),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('nest' as const),
      at: node,
      depth: fc.constantFrom(32, 256, 1_000),
    }),
  },
);

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: node }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('raw-number' as const),
      at: node,
      literal: fc.constantFrom(...RAW_NUMBERS),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate-key' as const), value: hostileValue() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('pad' as const), bytes: fc.constantFrom(1_048_577, 2_000_000) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('replace-all' as const),
      text: fc.constantFrom(
        'null',
        '[]',
        '0',
        '"x"',
        'true',
        '{',
        '}',
        'a=1&b=2',
        '<xml/>',
        '{"a":1,}',
        "{'a':1}",
        ' ',
      ),
    }),
  },
);

/**
 * A body plan for a JSON value: usually the value as is (valid requests reach the handlers), else mutated
 * structurally, textually, with bytes that are not UTF-8 or under another content type.
 */
export function bodyPlan(value: fc.Arbitrary<unknown>): fc.Arbitrary<BodyPlan> {
  const pristine = { mutations: [], text: null, invalidUtf8: null, contentType: undefined };
  const plan = <T extends Partial<BodyPlan>>(changes: fc.Arbitrary<T>): fc.Arbitrary<BodyPlan> =>
    fc.tuple(value, changes).map(([generated, changed]) => ({ ...pristine, value: generated, ...changed }));
  return fc.oneof(
    { weight: 9, arbitrary: plan(fc.constant({})) },
    {
      weight: 4,
      arbitrary: plan(fc.record({ mutations: fc.array(valueMutation, { minLength: 1, maxLength: 3 }) })),
    },
    { weight: 2, arbitrary: plan(fc.record({ text: textMutation })) },
    {
      weight: 1,
      arbitrary: plan(
        fc.record({ invalidUtf8: fc.record({ at: node, bytes: fc.constantFrom(...INVALID_UTF8) }) }),
      ),
    },
    { weight: 1, arbitrary: plan(fc.record({ contentType: fc.constantFrom(...CONTENT_TYPES) })) },
  );
}

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number } | { root: true };

/** Every node of a JSON value, root first, with where it sits. */
function slots(root: unknown): Slot[] {
  const found: Slot[] = [{ root: true }];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((child, index) => {
        found.push({ parent: value, key: index });
        walk(child);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        found.push({ parent: value as Record<string, unknown>, key });
        walk((value as Record<string, unknown>)[key]);
      }
    }
  };
  walk(root);
  return found;
}

/** Sets an own, enumerable property, also for `__proto__` (which plain assignment would turn into a prototype change). */
function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

const nested = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { n: value };
  return value;
};

/** Applies value mutations to a copy of `value`. */
export function mutateValue(value: unknown, mutations: readonly ValueMutation[]): unknown {
  let root: unknown = value === undefined ? undefined : structuredClone(value);
  for (const mutation of mutations) {
    const all = slots(root);
    const slot = all[mutation.at % all.length] ?? { root: true };
    const current = 'root' in slot ? root : (slot.parent as Record<string | number, unknown>)[slot.key];
    const set = (next: unknown): void => {
      if ('root' in slot) root = next;
      else if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = next;
      else defineKey(slot.parent, String(slot.key), next);
    };
    switch (mutation.kind) {
      case 'replace':
        set(structuredClone(mutation.value));
        break;
      case 'remove':
        if ('root' in slot) root = undefined;
        else if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
        else Reflect.deleteProperty(slot.parent, slot.key);
        break;
      case 'add-key': {
        const target =
          typeof current === 'object' && current !== null && !Array.isArray(current) ? current : null;
        if (target)
          defineKey(target as Record<string, unknown>, mutation.key, structuredClone(mutation.value));
        else set({ [mutation.key]: current });
        break;
      }
      case 'wrap':
        set(mutation.inArray ? [current] : { value: current });
        break;
      case 'repeat':
        set(
          Array.isArray(current)
            ? Array.from({ length: mutation.times }, (_, i) => current[i % Math.max(1, current.length)])
            : Array(mutation.times).fill(current),
        );
        break;
      case 'nest':
        set(nested(mutation.depth, current));
        break;
    }
  }
  return root;
}

/** The number tokens of a JSON text, as [start, end) offsets. */
function numberTokens(text: string): [number, number][] {
  const tokens: [number, number][] = [];
  const pattern = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
  for (const found of text.matchAll(pattern)) {
    if (!found[0].startsWith('"')) tokens.push([found.index, found.index + found[0].length]);
  }
  return tokens;
}

export function mutateText(text: string, mutation: TextMutation | null): string {
  if (mutation === null) return text;
  switch (mutation.kind) {
    case 'truncate':
      return text.slice(0, text.length === 0 ? 0 : mutation.at % text.length);
    case 'raw-number': {
      const tokens = numberTokens(text);
      const token = tokens[mutation.at % Math.max(1, tokens.length)];
      return token ? text.slice(0, token[0]) + mutation.literal + text.slice(token[1]) : mutation.literal;
    }
    case 'duplicate-key': {
      const key = /^\{\s*("(?:[^"\\]|\\.)*")\s*:/.exec(text)?.[1];
      return key ? `{${key}:${JSON.stringify(mutation.value) ?? 'null'},${text.slice(1)}` : text;
    }
    case 'bom':
      return `\ufeff${text}`;
    case 'pad':
      return text + ' '.repeat(mutation.bytes);
    case 'replace-all':
      return mutation.text;
  }
}

export interface EncodedBody {
  bytes: Uint8Array;
  contentType: string;
  /** A short description for failure messages (the bytes themselves may be megabytes). */
  label: string;
}

/** The bytes a plan sends; `undefined` when it sends none (its value was removed entirely). */
export function encodeBody(plan: BodyPlan): EncodedBody | undefined {
  const value = mutateValue(plan.value, plan.mutations);
  const json = value === undefined ? '' : (JSON.stringify(value) ?? '');
  const text = mutateText(json, plan.text);
  let bytes: Uint8Array = new TextEncoder().encode(text);
  if (plan.invalidUtf8 && bytes.length > 0) {
    const at = plan.invalidUtf8.at % bytes.length;
    const spliced = new Uint8Array(bytes.length + plan.invalidUtf8.bytes.length);
    spliced.set(bytes.subarray(0, at), 0);
    spliced.set(plan.invalidUtf8.bytes, at);
    spliced.set(bytes.subarray(at), at + plan.invalidUtf8.bytes.length);
    bytes = spliced;
  }
  if (bytes.length === 0 && plan.text?.kind !== 'replace-all') return undefined;
  const contentType = plan.contentType ?? 'application/json';
  const shown = text.length > 300 ? `${text.slice(0, 300)}... (${bytes.length} bytes)` : text;
  const notes = [
    plan.invalidUtf8 ? `invalid UTF-8 ${plan.invalidUtf8.bytes.map((b) => b.toString(16)).join(' ')}` : '',
    plan.contentType === undefined ? '' : `content-type "${plan.contentType}"`,
  ].filter(Boolean);
  return { bytes, contentType, label: `${shown}${notes.length ? ` [${notes.join(', ')}]` : ''}` };
}

/**
 * True when the body is refused before any operation runs, whatever the operation: not JSON, not UTF-8,
 * not sent as JSON, or over the size limit. Such a request may carry a victim's key: it cannot change state.
 */
export function surelyRefused(plan: BodyPlan): boolean {
  const type = plan.contentType?.split(';')[0]?.trim().toLowerCase();
  const jsonType =
    type === undefined || type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
  if (!jsonType || plan.invalidUtf8 !== null) return true;
  const text = plan.text;
  if (text === null) return false;
  // A byte order mark is no refusal: the UTF-8 decoder drops it, as RFC 8259 allows.
  if (text.kind === 'pad') return true;
  return text.kind === 'replace-all' && !['null', '[]', '0', '"x"', 'true', ' '].includes(text.text);
}
