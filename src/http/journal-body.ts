import { nestsDeeperThan } from './read-json-body.js';

/**
 * A body as the journal keeps it: parsed JSON when it is JSON, the text itself otherwise (and when it
 * nests too deeply to serialise again safely), null when empty.
 *
 * @example
 * journalBody('{"a":1}'); // { a: 1 }
 * journalBody('<html>'); // '<html>'
 */
export function journalBody(text: string | null): unknown {
  if (text === null || text === '') return null;
  if (nestsDeeperThan(text)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
