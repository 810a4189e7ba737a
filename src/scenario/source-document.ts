import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { ScenarioProblem, ValuePath } from './problem.js';

/** A parsed scenario file that still knows which line each value came from. */
export interface SourceDocument {
  /** The file as the user should see it in messages. */
  file: string;
  /** The plain data (objects, arrays, scalars). */
  value: unknown;
  /**
   * The line of the value at `path` (or of its key with `key: true`). When the path does not exist in the
   * file, the line of its nearest enclosing value, with `exact: false`.
   */
  lineOf(path: ValuePath, options?: { key?: boolean }): { line: number; exact: boolean } | undefined;
}

const keyText = (key: unknown): string | undefined =>
  isScalar(key)
    ? String(key.value)
    : typeof key === 'string' || typeof key === 'number'
      ? String(key)
      : undefined;

/**
 * Parses YAML (JSON is read as the YAML it is) keeping every node's position.
 *
 * @example
 * const parsed = parseSource('my.yaml', 'description: x\nseed: 3\n');
 * if (parsed.ok) parsed.source.lineOf(['seed']); // { line: 2, exact: true }
 */
export function parseSource(
  file: string,
  text: string,
): { ok: true; source: SourceDocument } | { ok: false; problems: ScenarioProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const summary = (error.message.split('\n')[0] ?? error.message).replace(
          / at line \d+, column \d+:?$/,
          '',
        );
        const line = error.linePos?.[0].line;
        return {
          path: '',
          ...(line === undefined ? {} : { line }),
          message: `cannot parse the file: ${summary}`,
        };
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1_000 });
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: '', message: `cannot read the file's data: ${(error as Error).message}` }],
    };
  }
  const lineAt = (node: Node | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;

  const lineOf: SourceDocument['lineOf'] = (path, options = {}) => {
    let node: unknown = doc.contents;
    let line = lineAt(doc.contents) ?? 1;
    for (const [depth, part] of path.entries()) {
      const last = depth === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(part));
        if (!pair) return { line, exact: false };
        const keyLine = lineAt(pair.key as Node);
        if (last && options.key && keyLine !== undefined) return { line: keyLine, exact: true };
        node = pair.value;
        line = lineAt(pair.value as Node) ?? keyLine ?? line;
      } else if (isSeq(node) && typeof part === 'number') {
        node = node.items[part];
        if (node === undefined) return { line, exact: false };
        line = lineAt(node as Node) ?? line;
      } else {
        return { line, exact: false };
      }
    }
    return { line, exact: true };
  };

  return { ok: true, source: { file, value, lineOf } };
}
