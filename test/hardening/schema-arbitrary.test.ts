import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOperationIndex } from '../../src/openapi/operation-index.js';
import { createSchemaCompiler } from '../../src/openapi/schema-compiler.js';
import { createSchemaArbitraries } from './support/schema-arbitrary.js';
import { mutateText, mutateValue, surelyRefused, type BodyPlan } from './support/body-mutation.js';
import { ADMIN, EXA, PUFFLE, SENDKIT } from './support/vendor-targets.js';

const SEED = 0x5c4e_a000;

describe('schema arbitraries', () => {
  for (const [offset, target] of [PUFFLE, SENDKIT, EXA, ADMIN].entries()) {
    const seed = SEED + offset;
    it(`generate ${target.name} request bodies that satisfy their own schemas at least 95% of the time [seed ${seed}]`, () => {
      const compiler = createSchemaCompiler(target.document, { useDefaults: false });
      const schemas = createSchemaArbitraries(target.document);
      for (const operation of createOperationIndex(target.document).operations) {
        const body = operation.requestBody;
        if (!body) continue;
        const validate = compiler.compile(operation.id, () => compiler.ref(body.pointer));
        const values = fc.sample(schemas.at(body.pointer), { seed, numRuns: 60 });
        const invalid = values.filter((value) => !validate(value));
        expect(
          invalid.length,
          `${operation.id}: ${invalid.length} of 60 invalid, e.g. ${JSON.stringify(invalid[0])}: ${JSON.stringify(validate.errors)}`,
        ).toBeLessThanOrEqual(3);
      }
    });
  }

  it('generate every JSON Schema keyword of the subset the specs use', () => {
    const document = {
      components: {
        schemas: {
          Leaf: { type: 'string', enum: ['a', 'b'] },
          Thing: {
            type: 'object',
            required: ['kind', 'leaf', 'count', 'ratio', 'flag', 'tags', 'either', 'maybe', 'when', 'id'],
            properties: {
              kind: { const: 'thing' },
              leaf: { $ref: '#/components/schemas/Leaf' },
              count: { type: 'integer', minimum: 2, maximum: 4 },
              ratio: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
              flag: { type: 'boolean' },
              tags: {
                type: 'array',
                items: { type: 'string', minLength: 1, maxLength: 3 },
                minItems: 1,
                maxItems: 2,
                uniqueItems: true,
              },
              either: { oneOf: [{ type: 'integer' }, { type: 'string', pattern: '^x[0-9]{2}$' }] },
              maybe: { type: ['string', 'null'], nullable: true },
              when: { type: 'string', format: 'date-time' },
              id: { allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'integer' } } }] },
              extra: { type: 'object', additionalProperties: { type: 'integer' } },
            },
            additionalProperties: false,
          },
        },
      },
    };
    const compiler = createSchemaCompiler(document, { useDefaults: false });
    const validate = compiler.compile('thing', () => compiler.ref('/components/schemas/Thing'));
    const values = fc.sample(createSchemaArbitraries(document).at('/components/schemas/Thing'), {
      seed: SEED,
      numRuns: 200,
    });
    expect(values.filter((value) => !validate(value))).toEqual([]);
  });
});

describe('body mutations', () => {
  const given = { a: [1, 2], b: { c: 'x' } };
  it.each([
    { name: 'replace the root', mutation: { kind: 'replace', at: 0, value: 1e308 }, want: 1e308 },
    { name: 'remove a key', mutation: { kind: 'remove', at: 4 }, want: { a: [1, 2] } },
    {
      name: 'wrap a node in an array',
      mutation: { kind: 'wrap', at: 2, inArray: true },
      want: { a: [[1], 2], b: { c: 'x' } },
    },
    {
      name: 'repeat an array',
      mutation: { kind: 'repeat', at: 1, times: 3 },
      want: { a: [1, 2, 1], b: { c: 'x' } },
    },
  ] as const)('$name', ({ mutation, want }) => {
    expect(mutateValue(given, [mutation])).toEqual(want);
    expect(given).toEqual({ a: [1, 2], b: { c: 'x' } });
  });

  it('adds __proto__ as an own key that JSON.stringify writes, leaving Object.prototype alone', () => {
    const mutated = mutateValue(given, [
      { kind: 'add-key', at: 4, key: '__proto__', value: { polluted: true } },
    ]);
    expect(JSON.stringify(mutated)).toBe('{"a":[1,2],"b":{"c":"x","__proto__":{"polluted":true}}}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    { mutation: { kind: 'truncate', at: 5 }, want: '{"a":' },
    { mutation: { kind: 'raw-number', at: 1, literal: '1e400' }, want: '{"a":1,"b":1e400}' },
    { mutation: { kind: 'duplicate-key', value: null }, want: '{"a":null,"a":1,"b":2}' },
    { mutation: { kind: 'bom' }, want: '\ufeff{"a":1,"b":2}' },
  ] as const)('rewrites the JSON text: $mutation.kind', ({ mutation, want }) => {
    expect(mutateText('{"a":1,"b":2}', mutation)).toBe(want);
  });

  it.each([
    { changes: { contentType: 'text/plain' }, want: true },
    { changes: { invalidUtf8: { at: 1, bytes: [0xff] } }, want: true },
    { changes: { text: { kind: 'pad', bytes: 1_048_577 } }, want: true },
    { changes: { text: { kind: 'bom' } }, want: false },
    { changes: { contentType: 'application/vnd.api+json' }, want: false },
    { changes: {}, want: false },
  ] as const)('knows which bodies every operation refuses: $changes -> $want', ({ changes, want }) => {
    const plan: BodyPlan = {
      value: {},
      mutations: [],
      text: null,
      invalidUtf8: null,
      contentType: undefined,
      ...changes,
    };
    expect(surelyRefused(plan)).toBe(want);
  });
});
