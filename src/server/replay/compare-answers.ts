import type { Answer } from '../../http/answer.js';

/** Response headers that carry meaning a client acts on; ids and dates are left out on purpose. */
const COMPARED_HEADERS = ['content-type', 'retry-after', 'allow'] as const;

const show = (value: unknown): string => {
  const text = value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

const escape = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** The first place two JSON values differ, as a JSON pointer with both values; undefined when equal. */
export function firstDifference(
  recorded: unknown,
  replayed: unknown,
  pointer = '',
): { pointer: string; recorded: unknown; replayed: unknown } | undefined {
  if (Object.is(recorded, replayed)) return undefined;
  const bothArrays = Array.isArray(recorded) && Array.isArray(replayed);
  const bothObjects =
    typeof recorded === 'object' &&
    typeof replayed === 'object' &&
    recorded !== null &&
    replayed !== null &&
    !Array.isArray(recorded) &&
    !Array.isArray(replayed);
  if (!bothArrays && !bothObjects) return { pointer, recorded, replayed };
  const left = recorded as Record<string, unknown>;
  const right = replayed as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const inner = firstDifference(left[key], right[key], `${pointer}/${escape(key)}`);
    if (inner) return inner;
  }
  return undefined;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function bodyDifference(recorded: string, replayed: string): string | undefined {
  if (recorded === replayed) return undefined;
  const left = parse(recorded);
  const right = parse(replayed);
  if (left.ok && right.ok) {
    const found = firstDifference(left.value, right.value);
    if (!found) return 'body: same JSON, different bytes (key order or formatting)';
    return `body at ${found.pointer || '/'}: recorded ${show(found.recorded)}, replayed ${show(found.replayed)}`;
  }
  return `body: recorded ${show(recorded)}, replayed ${show(replayed)}`;
}

/**
 * Every difference between a recorded response and the one the replay got: status, the headers in
 * `COMPARED_HEADERS`, and the body byte for byte (located by JSON pointer when both are JSON).
 *
 * @example
 * compareAnswers(recorded, replayed); // ['status: recorded 201, replayed 402', 'body at /error: ...']
 */
export function compareAnswers(recorded: Answer, replayed: Answer | null): string[] {
  const actual = replayed ?? { status: 0, headers: {}, body: '' };
  const differences: string[] = [];
  if (recorded.status !== actual.status)
    differences.push(
      `status: recorded ${recorded.status || 'no response'}, replayed ${actual.status || 'no response'}`,
    );
  for (const name of COMPARED_HEADERS) {
    const left = recorded.headers[name];
    const right = actual.headers[name];
    if (left !== right) differences.push(`header ${name}: recorded ${show(left)}, replayed ${show(right)}`);
  }
  const body = bodyDifference(recorded.body, actual.body);
  if (body) differences.push(body);
  return differences;
}
