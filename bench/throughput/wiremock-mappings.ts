/**
 * WireMock stub mappings equivalent to the plain-express stub: same four routes, same Bearer requirement,
 * same JSON bytes (pre-serialised with JSON.stringify, as `res.json` would), same headers.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Fixtures, RequestKind } from './fixtures.js';

interface Mapping {
  name: string;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

const ID = '[^/]+';

const ROUTES: Record<RequestKind, { method: string; urlPath?: string; urlPathPattern?: string }> = {
  create: { method: 'POST', urlPath: '/api/enrichment' },
  poll: { method: 'GET', urlPathPattern: `/api/enrichment/${ID}` },
  items: { method: 'GET', urlPathPattern: `/api/enrichment/${ID}/items` },
  cancel: { method: 'POST', urlPathPattern: `/api/enrichment/${ID}/cancel` },
};

/** One mapping per request kind. */
export function toWireMockMappings(fixtures: Fixtures): Mapping[] {
  return (Object.keys(ROUTES) as RequestKind[]).map((kind) => ({
    name: `puffle-${kind}`,
    request: {
      ...ROUTES[kind],
      headers: { Authorization: { matches: 'Bearer .+' } },
    },
    response: {
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Request-Id': 'req_wiremock' },
      body: JSON.stringify(fixtures[kind]),
    },
  }));
}

/** Writes the mappings into a fresh WireMock root directory (`<root>/mappings/*.json`) and returns it. */
export function writeWireMockRoot(fixtures: Fixtures): string {
  const root = mkdtempSync(join(tmpdir(), 'enrichment-mock-bench-wiremock-'));
  mkdirSync(join(root, 'mappings'));
  mkdirSync(join(root, '__files'));
  for (const mapping of toWireMockMappings(fixtures)) {
    writeFileSync(join(root, 'mappings', `${mapping.name}.json`), JSON.stringify(mapping, null, 2));
  }
  return root;
}
