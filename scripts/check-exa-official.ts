/**
 * Replays an Exa Websets lifecycle against the in-process mock and validates every response against
 * Exa's OFFICIAL OpenAPI document (`../shared/reference/exa-websets-spec.yaml`, relative to the repo root),
 * not our own `openapi/exa-websets.yaml`. A check to run and read, not part of the test suite:
 *
 *   npx tsx scripts/check-exa-official.ts [path/to/official.yaml]
 *
 * The official document serves the API from `https://api.exa.ai/websets/`, so our `/websets/v0/...`
 * paths are its `/v0/...`. It declares no error responses (except 409 on create), so errors are listed
 * apart; success responses must conform, except where our spec records a deliberate divergence.
 * Exits 1 when a success response breaks the official document in an undocumented way.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getResponse } from 'msw';
import { parse } from 'yaml';
import { createEnrichmentMock } from '../src/mock/create-enrichment-mock.js';
import type { OpenApiDocument } from '../src/openapi/document-resolver.js';
import { createOperationIndex } from '../src/openapi/operation-index.js';
import { createResponseValidator } from '../src/openapi/response-validator.js';

const root = new URL('..', import.meta.url).pathname;
const specPath = process.argv[2] ?? join(root, '..', 'shared', 'reference', 'exa-websets-spec.yaml');
const official = parse(await readFile(specPath, 'utf8')) as OpenApiDocument;
const index = createOperationIndex(official);
const validator = createResponseValidator(official);

/** Divergences our spec documents as modelling decisions: `operationId status` -> why. */
const DOCUMENTED: Record<string, string> = {
  'websets-enrichments-update 200':
    'official 200 has no body; the mock returns the updated Enrichment because exa-js parses every response as JSON (openapi/exa-websets.yaml, exaUpdateEnrichment)',
};

const mock = createEnrichmentMock({ scenario: 'happy-path-fast', seed: 42 });
const clock = mock.clock;
const key = 'exa_official_check';
const results: {
  call: string;
  operation: string;
  status: number;
  verdict: 'ok' | 'documented' | 'error-undeclared' | 'FAIL';
  notes: string[];
}[] = [];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the replay reads ids from the JSON freely
async function call(method: string, path: string, body?: unknown): Promise<any> {
  const headers = new Headers({ 'x-api-key': key, 'content-type': 'application/json' });
  const request = new Request(`https://api.exa.ai/websets/v0${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const response = await getResponse(mock.handlers, request);
  if (!response) throw new Error(`No handler answered ${method} ${path}`);
  const text = await response.text();
  const json: unknown = text === '' ? undefined : JSON.parse(text);
  const officialPath = `/v0${path.split('?')[0] ?? ''}`;
  const match = index.match(method, officialPath);
  const label = `${method} ${path}`;
  if (match.kind !== 'found') {
    results.push({
      call: label,
      operation: '(no official operation)',
      status: response.status,
      verdict: 'FAIL',
      notes: [`${officialPath} is not in the official document`],
    });
    return json;
  }
  const problems = validator
    .validate(match.operation, response.status, response.headers, json)
    .map((problem) => `${problem.location} ${problem.path}: ${problem.message}`);
  const documented = DOCUMENTED[`${match.operation.id} ${response.status}`];
  let verdict: (typeof results)[number]['verdict'] = 'ok';
  if (problems.length > 0)
    verdict = response.status >= 400 ? 'error-undeclared' : documented ? 'documented' : 'FAIL';
  results.push({
    call: label,
    operation: match.operation.id,
    status: response.status,
    verdict,
    notes: documented && problems.length > 0 ? [documented, ...problems] : problems,
  });
  return json;
}

const webset = await call('POST', '/websets', {
  search: {
    query: 'Heads of revenue operations at B2B SaaS companies',
    count: 3,
    entity: { type: 'person' },
    criteria: [{ description: 'Leads RevOps' }],
    recall: true,
  },
  enrichments: [{ description: 'Find the work email address of this person', format: 'email' }],
  externalId: 'official-check',
  metadata: { owner: 'growth' },
});
await call('POST', '/websets', {
  search: { query: 'B2B SaaS companies in Berlin', count: 2, entity: { type: 'company' } },
});
await call('GET', '/websets');
await call('GET', '/websets/official-check');
await call('GET', '/websets/official-check?expand=items');
await call('POST', '/websets/official-check', { metadata: { owner: 'revops' } });
const items = await call('GET', '/websets/official-check/items');
await call('GET', `/websets/official-check/items/${items.data[0].id as string}`);
const options = await call('POST', '/websets/official-check/enrichments', {
  description: 'Seniority',
  format: 'options',
  options: [{ label: 'senior' }, { label: 'junior' }],
});
await call('GET', `/websets/official-check/enrichments/${options.id as string}`);
await call('PATCH', `/websets/official-check/enrichments/${options.id as string}`, {
  description: 'Seniority level',
});
await call('POST', `/websets/official-check/enrichments/${options.id as string}/cancel`);
clock.advance(60_000);
await call('GET', '/websets/official-check/items?limit=100');
const events = await call('GET', '/events?limit=200');
await call('GET', `/events/${events.data[0].id as string}`);
await call('GET', '/events?types=webset.item.enriched&limit=5');
await call('POST', '/websets', { search: { query: 'CTOs', count: 1 }, externalId: 'official-check' });
await call('POST', `/websets/official-check/enrichments/${webset.enrichments[0].id as string}/cancel`);
await call('GET', '/websets/missing');
await call('DELETE', `/websets/official-check/items/${items.data[2].id as string}`);
await call('DELETE', `/websets/official-check/enrichments/${options.id as string}`);
await call('POST', '/websets/official-check/cancel');
await call('DELETE', '/websets/official-check');

const width = Math.max(...results.map((result) => result.call.length));
for (const result of results) {
  console.log(
    `${result.verdict.padEnd(16)} ${String(result.status)} ${result.call.padEnd(width)} ${result.operation}`,
  );
  for (const note of result.notes) console.log(`${' '.repeat(21)}- ${note}`);
}
const count = (verdict: string) => results.filter((result) => result.verdict === verdict).length;
console.log(
  `\n${results.length} responses checked against ${specPath}: ${count('ok')} conform, ${count('documented')} documented divergence(s), ` +
    `${count('error-undeclared')} error response(s) the official document does not declare, ${count('FAIL')} failure(s).`,
);
process.exit(count('FAIL') > 0 ? 1 : 0);
