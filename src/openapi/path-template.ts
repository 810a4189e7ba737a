/** One compiled OpenAPI path template such as `/api/enrichment/{id}/items`. */
export interface PathTemplate {
  /**
   * One rank per segment, compared left to right to pick the most specific template:
   * 2 for a literal segment, 1 for a segment mixing text and parameters (`{name}.json`), 0 for `{param}`.
   */
  readonly specificity: readonly number[];
  /**
   * Decoded parameter values when a pathname, split at `/`, fits the template, otherwise `undefined`
   * (split once by the caller: an index tries many templates on one path).
   */
  matchSegments(parts: readonly string[]): Record<string, string> | undefined;
}

type Segment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'pattern'; readonly pattern: RegExp; readonly names: readonly string[] };

const parameterPattern = /\{([^{}]+)\}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileSegment(text: string): Segment {
  const names = [...text.matchAll(parameterPattern)].map((found) => found[1] ?? '');
  if (names.length === 0) return { kind: 'literal', text };
  const source = text
    .split(parameterPattern)
    .map((part, index) => (index % 2 === 1 ? '([^/]+?)' : escapeRegExp(part)))
    .join('');
  return { kind: 'pattern', pattern: new RegExp(`^${source}$`), names };
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * Compiles an OpenAPI path template. Parameter values never span a `/`; they are percent-decoded, and a
 * value that is not valid percent-encoding makes the template not match.
 *
 * @example
 * const items = createPathTemplate('/api/enrichment/{id}/items');
 * items.matchSegments('/api/enrichment/run%201/items'.split('/')); // { id: 'run 1' }
 * items.matchSegments('/api/enrichments'.split('/')); // undefined
 */
export function createPathTemplate(template: string): PathTemplate {
  const segments = template.split('/').map(compileSegment);
  const specificity = segments.map((segment) => {
    if (segment.kind === 'literal') return 2;
    return segment.pattern.source === '^([^/]+?)$' ? 0 : 1;
  });

  function matchSegments(parts: readonly string[]): Record<string, string> | undefined {
    if (parts.length !== segments.length) return undefined;
    const params: Record<string, string> = {};
    for (let index = 0; index < segments.length; index += 1) {
      const segment = segments[index] as Segment;
      const part = parts[index] as string;
      if (segment.kind === 'literal') {
        if (part !== segment.text) return undefined;
        continue;
      }
      const found = segment.pattern.exec(part);
      if (found === null) return undefined;
      for (const [position, name] of segment.names.entries()) {
        const value = decode(found[position + 1] ?? '');
        if (value === undefined) return undefined;
        params[name] = value;
      }
    }
    return params;
  }

  return { specificity, matchSegments };
}

/**
 * Orders templates from most to least specific: literal segments beat mixed ones, which beat `{param}`s,
 * comparing segments left to right (the OpenAPI rule that concrete paths match before templated ones).
 *
 * @example
 * [createPathTemplate('/runs/{id}'), createPathTemplate('/runs/active')].sort(compareSpecificity);
 * // [/runs/active, /runs/{id}]
 */
export function compareSpecificity(a: PathTemplate, b: PathTemplate): number {
  const length = Math.max(a.specificity.length, b.specificity.length);
  for (let index = 0; index < length; index += 1) {
    const difference = (b.specificity[index] ?? 0) - (a.specificity[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
