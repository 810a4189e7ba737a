import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import puffle from '../../src/generated/puffle.document.js';
import sendkit from '../../src/generated/sendkit.document.js';
import { isRecord, type OpenApiDocument } from '../../src/openapi/document-resolver.js';
import { VENDOR_ORIGINS } from '../../src/vendors/registry.js';
import { createHarness } from '../support/mock-harness.js';
import { collectExamples } from '../support/spec-examples.js';

/** The keys the specs' examples are written for, and how each vendor is sent one. */
const VENDORS = [
  {
    name: 'puffle',
    document: puffle,
    origin: VENDOR_ORIGINS.puffle,
    key: 'pk_live_demo',
    auth: 'authorization',
  },
  { name: 'sendkit', document: sendkit, origin: VENDOR_ORIGINS.sendkit, key: 'sk_demo', auth: 'x-api-key' },
] as const;

type VendorCase = (typeof VENDORS)[number];

const headersOf = ({ auth, key }: VendorCase) => ({
  [auth]: auth === 'authorization' ? `Bearer ${key}` : key,
});

/** The list and lead ids a value names: `listId`, `leadId`, `leadIds[]`, and the `id` of each of `leads[]`. */
function idsNamed(value: unknown, key = ''): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((child) =>
      key === 'leadIds' && typeof child === 'string'
        ? [child]
        : key === 'leads' && isRecord(child) && typeof child['id'] === 'string'
          ? [child['id'], ...idsNamed(child)]
          : idsNamed(child),
    );
  }
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([name, child]) =>
    (name === 'listId' || name === 'leadId') && typeof child === 'string' ? [child] : idsNamed(child, name),
  );
}

/** The request-body examples of a document that name a list or lead id, with the operation they belong to. */
function requestExamples(document: OpenApiDocument) {
  const paths = isRecord(document['paths']) ? document['paths'] : {};
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(isRecord(item) ? item : {}).flatMap(([method, operation]) => {
      const body = isRecord(operation) && isRecord(operation['requestBody']) ? operation['requestBody'] : {};
      const content = isRecord(body['content']) ? body['content']['application/json'] : undefined;
      const examples = isRecord(content) && isRecord(content['examples']) ? content['examples'] : {};
      return Object.entries(examples).flatMap(([name, example]) => {
        const value = isRecord(example) ? example['value'] : undefined;
        return idsNamed(value).length > 0 ? [{ name, method: method.toUpperCase(), path, value }] : [];
      });
    }),
  );
}

/** Error examples show refused input on purpose (an unknown lead, say): only success examples must hold. */
const isErrorExample = (pointer: string) =>
  pointer.startsWith('/components/responses/') || /\/responses\/[45]\d\d\//.test(pointer);

describe.each(VENDORS)('$name spec examples in the default sandbox', (vendor) => {
  const cases = requestExamples(vendor.document);

  it('has request examples that name list or lead ids', () => {
    expect(cases.map(({ name }) => name).length).toBeGreaterThan(0);
  });

  it.each(cases)('accepts the $method $path example "$name"', async ({ method, path, value }) => {
    const { call } = createHarness();
    const response = await call(method, `${vendor.origin}${path}`, {
      headers: headersOf(vendor),
      body: value,
    });
    expect(response.status, response.text).toBe(200);
  });

  it('names only list and lead ids the default world gives its key', () => {
    const { mock } = createHarness();
    const lists = mock.tenant(vendor.key).describe().lists;
    const known = new Set(lists.flatMap((list) => [list.id, ...list.leadIds]));
    const named = collectExamples(vendor.document)
      .filter(({ pointer }) => !isErrorExample(pointer))
      .flatMap(({ pointer, value }) => idsNamed(value).map((id) => `${pointer}: ${id}`));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((entry) => !known.has(entry.slice(entry.lastIndexOf(' ') + 1)))).toEqual([]);
  });
});

describe('README: the default world', () => {
  it("names the default lists and the demo keys' lead ids as the default sandbox makes them", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const { mock } = createHarness();
    const [prospects, accounts] = mock.tenant('pk_live_demo').describe().lists;
    expect([prospects?.id, prospects?.leadCount, accounts?.id, accounts?.leadCount]).toEqual([
      'list_prospects',
      25,
      'list_accounts',
      10,
    ]);
    expect(readme).toContain('`list_prospects` ("Prospects", 25 person leads)');
    expect(readme).toContain('`list_accounts` ("Target accounts", 10 company leads)');
    expect(readme).toContain(
      `\`pk_live_demo\`'s prospects are \`${prospects?.leadIds[0]}\` to \`${prospects?.leadIds.at(-1)}\` and its accounts \`${accounts?.leadIds[0]}\` to \`${accounts?.leadIds.at(-1)}\``,
    );
    const sendkitProspects = mock.tenant('sk_demo').describe().lists[0];
    expect(readme).toContain(`\`sk_demo\`'s prospects start at \`${sendkitProspects?.leadIds[0]}\``);
  });
});
