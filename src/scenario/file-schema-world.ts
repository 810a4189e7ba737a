import { OUTPUT_KIND_NAMES } from '../core/output-kinds.js';
import { MAX_GENERATED_LEADS } from '../core/lead-list.js';
import { ref } from './file-schema-ref.js';

/** `$defs` of the scenario file schema for the world: leads, lists, tenants, the catalog (see `file-schema.ts`). */

const lead = {
  description:
    'A lead written out in full or in part: an optional `id`, then attributes (`firstName`, `domain`, `workEmail`, ...). Attributes left out are generated from the seed.',
  type: 'object',
  propertyNames: { minLength: 1 },
  properties: {
    id: {
      description: 'The lead id clients use. Default: a generated ObjectId-shaped id.',
      type: 'string',
      minLength: 1,
    },
  },
  additionalProperties: {
    description: 'An attribute value.',
    type: ['string', 'number', 'boolean', 'null'],
  },
};

const list = {
  description: 'A list of leads: `generate` leads drawn from the seed, after the `leads` written out.',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'subject'],
  properties: {
    id: {
      description:
        'Stable list id clients can hard-code (e.g. `list_prospects`). Default: derived from the seed.',
      type: 'string',
      minLength: 1,
    },
    name: { description: 'Display name.', type: 'string', minLength: 1 },
    subject: ref('subject', 'Whether the leads are people or companies.'),
    generate: {
      description: 'How many leads to generate from the seed after the written-out ones. Default 0.',
      type: 'integer',
      minimum: 0,
      maximum: MAX_GENERATED_LEADS,
    },
    leads: {
      description: 'Leads written out, first in the list.',
      type: 'array',
      items: ref('lead', 'One lead.'),
    },
  },
};

const tenant = {
  description:
    'The initial world of a tenant (an API key). Every field is optional: what is left out is inherited.',
  type: 'object',
  additionalProperties: false,
  properties: {
    credits: { description: 'Credit balance at the start.', type: 'integer', minimum: 0 },
    lists: {
      description: 'Lists of leads. Replaces the inherited lists whole.',
      type: 'array',
      items: ref('list', 'One list.'),
    },
    preEnriched: {
      description:
        'Share (0..1) of generated leads that already carry an attribute, by attribute name, e.g. `{workEmail: 0.4}`.',
      type: 'object',
      propertyNames: { minLength: 1 },
      additionalProperties: { description: 'Share of leads, 0..1.', type: 'number', minimum: 0, maximum: 1 },
    },
  },
};

const catalogEntry = {
  description: 'One enrichment clients can run.',
  type: 'object',
  additionalProperties: false,
  required: ['slug', 'subject', 'creditCost', 'outputAttribute', 'output'],
  properties: {
    slug: {
      description: 'The id clients send, e.g. `work_email`.',
      type: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
      patternErrorMessage: 'must be a slug: letters, digits, "_", "-" and "."',
    },
    name: {
      description: 'Display name. Default: the slug in words ("Work email").',
      type: 'string',
      minLength: 1,
    },
    description: { description: 'What the enrichment does. Default: empty.', type: 'string' },
    subject: ref(
      'subject',
      'Whether it applies to people or companies; other leads are refused (subject mismatch).',
    ),
    creditCost: { description: 'Credits charged per lead at dispatch.', type: 'integer', minimum: 0 },
    outputAttribute: {
      description: 'The lead attribute the result is written to, e.g. `workEmail`.',
      type: 'string',
      minLength: 1,
    },
    outputOverride: {
      description:
        'Whether a run may write the result to an attribute of its own choosing instead. Default `allowed`.',
      enum: ['allowed', 'forbidden'],
    },
    output: {
      description: 'What the enrichment produces for one lead.',
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: {
        kind: {
          description: 'The kind of value produced.',
          enum: OUTPUT_KIND_NAMES,
        },
        options: {
          description: 'For kind `options`: the values a result picks from.',
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { type: 'string', minLength: 1, description: 'One option.' },
        },
      },
    },
    inputSchema: {
      description: "JSON Schema the request's `input` must satisfy. Default: an object with no properties.",
      type: 'object',
    },
    timingProfile: {
      description:
        'Name of a `timing.profiles` entry. Default: the profile named like the slug, else `timing.default`.',
      type: 'string',
      minLength: 1,
    },
    version: { description: 'Catalog version. Default 1.', type: 'integer', minimum: 1 },
    enabled: { description: 'Disabled enrichments are listed but refused. Default true.', type: 'boolean' },
  },
};

export const WORLD_DEFS = {
  subject: { description: '`person` or `company`.', enum: ['person', 'company'] },
  lead,
  list,
  tenant,
  catalogEntry,
};
