import { nestsDeeperThan } from './read-json-body.js';

/**
 * Largest body the journal keeps whole, in UTF-8 bytes: 1 MiB, the request body limit, so every request the
 * mock accepts is journalled (and replays) whole; longer bodies keep their first 1 MiB.
 */
export const JOURNAL_BODY_CAP_BYTES = 1_048_576;

/** Why a body is not (all) in the journal, and how large it was. */
export interface BodyCut {
  /**
   * `omitted`: a journal read's response, never kept (it would embed the journal in itself, doubling it
   * on every read); `truncated`: longer than the cap, only its first bytes kept (as raw text).
   */
  reason: 'omitted' | 'truncated';
  /** Size of the whole body in UTF-8 bytes (for a request the server stopped reading: at least this). */
  size: number;
}

/** A body as handed to the journal: its text, and whether to leave it out. */
export interface BodyInput {
  text: string | null;
  /** Bytes on the wire when `text` holds less (a request body the server stopped reading past its limit). */
  size?: number;
  /** Keep only the size (a journal read's response). */
  omit?: boolean;
}

/** A body as the journal stores it: the text it kept, its UTF-8 bytes and, when cut, why and how large. */
export interface KeptBody {
  text: string | null;
  bytes: number;
  cut?: BodyCut;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * What the journal keeps of a body: nothing but its size when it is to be omitted, its first `cap` bytes
 * (never splitting a character) when longer, else all of it.
 *
 * @example
 * keepBody({ text: 'x'.repeat(10) }, 4); // { text: 'xxxx', bytes: 4, cut: { reason: 'truncated', size: 10 } }
 * keepBody({ text: '{"a":1}', omit: true }, 4); // { text: null, bytes: 0, cut: { reason: 'omitted', size: 7 } }
 */
export function keepBody(input: BodyInput, cap: number): KeptBody {
  // Measured, not encoded: most bodies are kept whole, and only their size is needed.
  const bytes = input.text === null ? 0 : Buffer.byteLength(input.text);
  const size = Math.max(input.size ?? 0, bytes);
  if (input.omit) return { text: null, bytes: 0, ...(size > 0 ? { cut: { reason: 'omitted', size } } : {}) };
  if (input.text === null || bytes <= cap)
    return { text: input.text, bytes, ...(size > bytes ? { cut: { reason: 'truncated', size } } : {}) };
  // A character split at the cap decodes to U+FFFD: drop it rather than keep half a character.
  const text = decoder.decode(encoder.encode(input.text).subarray(0, cap)).replace(/\uFFFD$/, '');
  return { text, bytes: encoder.encode(text).byteLength, cut: { reason: 'truncated', size } };
}

/**
 * A body as the journal shows it: parsed JSON when it is JSON, the text itself otherwise (and when it
 * nests too deeply to serialise again safely, or was truncated), null when empty.
 *
 * @example
 * journalBody('{"a":1}'); // { a: 1 }
 * journalBody('<html>'); // '<html>'
 */
export function journalBody(text: string | null, cut?: BodyCut): unknown {
  if (text === null || text === '') return null;
  if (cut !== undefined || nestsDeeperThan(text)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
