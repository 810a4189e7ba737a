import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { field } from '../../src/conformance/vendor-facts.js';
import { JOURNAL_VENDORS } from '../../src/runtime/journal.js';
import { DEFAULT_BODY } from '../../src/scenario/defaults.js';
import { scenarioFileSchema } from '../../src/scenario/file-schema.js';
import { OPERATIONS } from '../../src/scenario/operations.js';
import { unrouted } from '../../src/server/unrouted.js';
import { createVendors, VENDOR_ORIGINS } from '../../src/vendors/registry.js';
import { VENDOR_DESCRIPTORS, VENDORS } from '../../src/vendors/vendor-descriptors.js';
import { withEnum } from '../../scripts/with-enum.js';

const adminYaml = readFileSync(new URL('../../openapi/admin.yaml', import.meta.url), 'utf8');
const scenarioSchema: unknown = JSON.parse(
  readFileSync(new URL('../../scenarios/scenario.schema.json', import.meta.url), 'utf8'),
);

describe('the vendor descriptors: the one list of vendors', () => {
  it('give createVendors its vendors, in order, with their base paths and documents', () => {
    const vendors = createVendors();
    expect(vendors.map(({ vendor }) => vendor)).toEqual(VENDORS);
    for (const definition of vendors) {
      expect(definition.basePath).toBe(VENDOR_DESCRIPTORS[definition.vendor].basePath);
      expect(Object.keys(definition.operations).sort()).toEqual([...OPERATIONS[definition.vendor]].sort());
    }
    expect(Object.keys(VENDOR_ORIGINS)).toEqual(VENDORS);
  });

  it('name as dispatching only operations of their own document', () => {
    for (const vendor of VENDORS) {
      for (const operation of VENDOR_DESCRIPTORS[vendor].dispatching) {
        expect(OPERATIONS[vendor], `${vendor} ${operation}`).toContain(operation);
      }
    }
  });

  it('are the vendor enums of openapi/admin.yaml and of the committed scenario schema', () => {
    const schemas = field(parse(adminYaml), 'components', 'schemas');
    expect(field(schemas, 'Vendor', 'enum')).toEqual(VENDORS);
    expect(field(schemas, 'JournalVendor', 'enum')).toEqual(JOURNAL_VENDORS);
    for (const schema of [scenarioFileSchema, scenarioSchema]) {
      expect(field(schema, '$defs', 'vendor', 'enum')).toEqual(VENDORS);
      expect(Object.keys(field(schema, 'properties', 'expiry', 'properties') ?? {})).toEqual(VENDORS);
    }
    expect(Object.keys(DEFAULT_BODY.expiry)).toEqual(VENDORS);
  });

  it('name every vendor path in the answer to an unrouted request', () => {
    const answer = JSON.stringify(unrouted('GET', '/nope').body);
    for (const vendor of VENDORS) expect(answer).toContain(VENDOR_DESCRIPTORS[vendor].basePath);
  });
});

describe('withEnum (npm run generate)', () => {
  it("rewrites the named schema's enum line and keeps every other byte", () => {
    const vendors = [...VENDORS, 'newvendor'];
    const rewritten = withEnum(adminYaml, 'Vendor', vendors);
    const lines = (text: string): string[] => text.split('\n');
    const changed = lines(rewritten).filter((line, index) => line !== lines(adminYaml)[index]);
    expect(changed).toEqual([`      enum: [${vendors.join(', ')}]`]);
    expect(field(parse(rewritten), 'components', 'schemas', 'Vendor', 'enum')).toEqual(vendors);
    expect(field(parse(rewritten), 'components', 'schemas', 'JournalVendor', 'enum')).toEqual(
      JOURNAL_VENDORS,
    );
  });

  it('refuses a schema it cannot find, naming it', () => {
    expect(() => withEnum(adminYaml, 'NoSuchSchema', ['a'])).toThrow(/components\.schemas\.NoSuchSchema/);
  });
});
