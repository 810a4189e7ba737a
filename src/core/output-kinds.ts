/**
 * Every kind of value an enrichment produces, declared once, with the JSON Schema of that value (what a
 * catalog advertises). `generateResult` (`results.ts`) draws each kind's values; the type checker asks
 * for a case per kind there. The scenario schema's `output.kind` enum is the keys of this table.
 */
export const OUTPUT_KINDS = {
  email: { type: 'string', format: 'email' },
  email_verification: { type: 'string' },
  phone: { type: 'string' },
  text: { type: 'string' },
  url: { type: 'string', format: 'uri' },
  number: { type: 'number' },
  date: { type: 'string', format: 'date' },
  options: { type: 'string' },
  boolean: { type: 'boolean' },
  seg_gateway: {
    type: 'object',
    required: ['segProtected', 'segProvider'],
    properties: { segProtected: { type: 'boolean' }, segProvider: { type: ['string', 'null'] } },
  },
  esp: { type: 'string' },
} satisfies Record<string, Record<string, unknown>>;

/** What an enrichment produces for one lead. */
export type OutputKind = keyof typeof OUTPUT_KINDS;

/** Every output kind, in declaration order. */
// Object.keys loses the key type; the keys of the table are exactly `OutputKind`.
export const OUTPUT_KIND_NAMES = Object.keys(OUTPUT_KINDS) as OutputKind[];
