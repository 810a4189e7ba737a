/**
 * Durations as people write them in scenario files: a number of milliseconds, or a string of one or more
 * `<number><unit>` parts with the units ms, s, m, h and d (`"250ms"`, `"2s"`, `"1m30s"`, `"7d"`).
 */

/** What a scenario file may write where a duration is expected. */
export type DurationInput = string | number;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * The pieces of one `<number><unit>` part: the parser and the schema's pattern are both built from them,
 * so the two never disagree. The units keep `UNIT_MS`'s order, `ms` before `m`.
 */
const AMOUNT = String.raw`\d+(?:\.\d+)?`;
const UNIT = Object.keys(UNIT_MS).join('|');

/** The JSON Schema `pattern` a duration string must match. */
export const DURATION_PATTERN = String.raw`^\s*(?:${AMOUNT}\s*(?:${UNIT})\s*)+$`;

/** A whole duration string, and one of its parts (amount and unit captured), compiled once. */
const DURATION = new RegExp(DURATION_PATTERN);
const PART = new RegExp(String.raw`(${AMOUNT})\s*(${UNIT})`, 'g');

export type DurationResult = { ok: true; ms: number } | { ok: false; message: string };

/**
 * Parses a duration into whole milliseconds (rounded to the nearest one).
 *
 * @example
 * parseDuration('1m30s'); // { ok: true, ms: 90_000 }
 * parseDuration(250); // { ok: true, ms: 250 }
 * parseDuration('2 minutes'); // { ok: false, message: '...' }
 */
export function parseDuration(value: unknown): DurationResult {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0)
      return { ok: false, message: `must be a duration >= 0, got ${value}` };
    return { ok: true, ms: Math.round(value) };
  }
  if (typeof value !== 'string' || !DURATION.test(value)) {
    return {
      ok: false,
      message: `must be a duration: milliseconds as a number, or a string like "250ms", "2s", "1m30s", "7d" (got ${JSON.stringify(value)})`,
    };
  }
  let ms = 0;
  for (const [, amount, unit] of value.matchAll(PART)) {
    ms += Number(amount) * (UNIT_MS[unit ?? ''] ?? Number.NaN);
  }
  return { ok: true, ms: Math.round(ms) };
}

/**
 * Writes milliseconds back as the shortest duration string (`90000` -> `"1m30s"`), for messages.
 *
 * @example
 * formatDuration(1_500); // '1s500ms'
 */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0ms';
  let rest = Math.round(ms);
  let out = '';
  for (const [unit, size] of Object.entries(UNIT_MS).reverse()) {
    const amount = Math.floor(rest / size);
    if (amount > 0) {
      out += `${amount}${unit}`;
      rest -= amount * size;
    }
  }
  return out;
}
