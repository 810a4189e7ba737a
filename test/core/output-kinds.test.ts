import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { field } from '../../src/conformance/vendor-facts.js';
import { createFakeData } from '../../src/core/fake-data.js';
import { OUTPUT_KIND_NAMES, OUTPUT_KINDS } from '../../src/core/output-kinds.js';
import { generateResult } from '../../src/core/results.js';
import { scenarioFileSchema } from '../../src/scenario/file-schema.js';
import type { EnrichmentDefinition } from '../../src/scenario/types.js';

const lead = {
  id: 'lead_1',
  listId: 'list_1',
  index: 0,
  createdAt: 0,
  subject: 'person' as const,
  attributes: { firstName: 'Ada', lastName: 'Lovelace', domain: 'example.com' },
};

function enrichment(kind: EnrichmentDefinition['output']['kind']): EnrichmentDefinition {
  return {
    slug: kind,
    name: kind,
    description: kind,
    subject: 'person',
    creditCost: 1,
    outputAttribute: kind,
    output: { kind },
    inputSchema: {},
    version: 1,
    enabled: true,
  };
}

describe('output kinds, declared once', () => {
  it('are the scenario schema enum of output.kind', () => {
    const kind = field(
      scenarioFileSchema,
      '$defs',
      'catalogEntry',
      'properties',
      'output',
      'properties',
      'kind',
    );
    expect(field(kind, 'enum')).toEqual(OUTPUT_KIND_NAMES);
  });

  it.each(OUTPUT_KIND_NAMES)('generate %s values that their declared schema accepts', (kind) => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const conforms = ajv.compile(OUTPUT_KINDS[kind]);
    const fake = createFakeData();
    for (let seed = 1; seed <= 20; seed += 1) {
      const value = generateResult(enrichment(kind), lead, seed, fake);
      expect(conforms(value), `${kind} ${JSON.stringify(value)}`).toBe(true);
    }
  });
});
