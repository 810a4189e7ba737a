/**
 * The canned JSON the static tools serve: for each of the four request kinds, the first example of the
 * 200 response in openapi/puffle.yaml -- exactly what `prism mock` (static mode) answers. Plain express
 * and WireMock serve the same objects, so the three static tools send the same bodies.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const PUFFLE_SPEC = fileURLToPath(new URL('../../openapi/puffle.yaml', import.meta.url));

/** The request kinds of the workloads, keyed the way the bench names them. */
export const REQUEST_KINDS = {
  create: { method: 'post', path: '/api/enrichment' },
  poll: { method: 'get', path: '/api/enrichment/{id}' },
  items: { method: 'get', path: '/api/enrichment/{id}/items' },
  cancel: { method: 'post', path: '/api/enrichment/{id}/cancel' },
} as const;

export type RequestKind = keyof typeof REQUEST_KINDS;

export type Fixtures = Record<RequestKind, unknown>;

interface ExampleHolder {
  paths?: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>>;
}
interface ResponseObject {
  content?: Record<string, { examples?: Record<string, { value?: unknown }>; example?: unknown }>;
}

/** Reads the 200 examples from the Puffle spec; fails loudly if one of the four is missing. */
export function loadFixtures(): Fixtures {
  const spec = parse(readFileSync(PUFFLE_SPEC, 'utf8')) as ExampleHolder;
  const pick = (kind: RequestKind): unknown => {
    const { method, path } = REQUEST_KINDS[kind];
    const media = spec.paths?.[path]?.[method]?.responses?.['200']?.content?.['application/json'];
    const first = media?.examples ? Object.values(media.examples)[0]?.value : media?.example;
    if (first === undefined) {
      throw new Error(
        `Failed to load the bench fixtures: ${PUFFLE_SPEC} has no 200 example for ${method.toUpperCase()} ${path}. ` +
          'Add one under responses.200.content.application/json.examples.',
      );
    }
    return first;
  };
  return { create: pick('create'), poll: pick('poll'), items: pick('items'), cancel: pick('cancel') };
}
