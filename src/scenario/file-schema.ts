import { byVendor, VENDOR_DESCRIPTORS } from '../vendors/vendor-descriptors.js';
import { FAULT_DEFS } from './file-schema-faults.js';
import { ref } from './file-schema-ref.js';
import { TIMING_DEFS } from './file-schema-timing.js';
import { WEBHOOKS_PROPERTY } from './file-schema-webhooks.js';
import { WORLD_DEFS } from './file-schema-world.js';

/**
 * JSON Schema (2020-12) of a scenario FILE: the single source of truth for the format. `npm run generate`
 * writes it to `scenarios/scenario.schema.json`, which scenario files name for their editor:
 * `# yaml-language-server: $schema=./scenario.schema.json` (YAML) or `"$schema"` (JSON).
 *
 * @example
 * import { Ajv2020 } from 'ajv/dist/2020.js';
 * const validate = new Ajv2020({ strict: false }).compile(scenarioFileSchema);
 */
export const scenarioFileSchema: Record<string, unknown> = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://enrichment-mock.dev/scenario.schema.json',
  title: 'enrichment-mock scenario',
  description:
    'A scenario of the enrichment mock: the world (tenants, credits, leads, catalog), how long work takes and how often it fails, race windows, expiry, injected faults, response tolerance and webhook delivery. Everything but `description` is optional: what is left out comes from `extends` (or the built-in defaults).',
  type: 'object',
  additionalProperties: false,
  required: ['description'],
  properties: {
    $schema: { description: 'The schema this file follows, for editors (JSON files).', type: 'string' },
    extends: {
      description:
        "The scenario to start from: a built-in name (`default`, `flaky-network`, ...) or a path relative to this file (`./base.yaml`). This file's settings are deep-merged over it: objects merge key by key; arrays and distributions are replaced whole.",
      type: 'string',
      minLength: 1,
      examples: ['default'],
    },
    name: {
      description: "The scenario's name, as clients pick it. Default: the file name without extension.",
      type: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$',
      patternErrorMessage: 'must be a name: letters, digits, "_" and "-"',
    },
    description: {
      description: 'What the scenario is for, in one line.',
      type: 'string',
      minLength: 1,
      pattern: '^[^\\n]*$',
      patternErrorMessage: 'must be one line',
    },
    seed: {
      description:
        'Seed of every random draw (leads, durations, failures, fault probabilities). Default 1; `--seed` overrides.',
      type: 'integer',
      minimum: 0,
    },
    startAt: {
      description: 'Instant the virtual clock starts at (ISO 8601). Default 2026-01-05T09:00:00Z.',
      type: 'string',
      format: 'date-time',
      errorMessage: 'must be an ISO 8601 instant with a time zone, like 2026-01-05T09:00:00Z',
    },
    world: {
      description: 'The initial world: what each tenant (API key) owns, and the enrichment catalog.',
      type: 'object',
      additionalProperties: false,
      properties: {
        defaults: ref('tenant', 'The world of every tenant not listed in `tenants`.'),
        tenants: {
          description:
            'Worlds of particular API keys, each merged over `defaults`, e.g. `{pk_live_broke: {credits: 0}}`.',
          type: 'object',
          propertyNames: { minLength: 1 },
          additionalProperties: ref('tenant', 'The world of this API key, merged over `world.defaults`.'),
        },
        revokedKeys: {
          description: 'API keys refused with 401, even when listed in `tenants`.',
          type: 'array',
          uniqueItems: true,
          items: { type: 'string', minLength: 1, description: 'A revoked API key.' },
        },
        catalog: {
          description: 'Enrichments clients can run. Replaces the inherited catalog whole.',
          type: 'array',
          items: ref('catalogEntry', 'One enrichment.'),
        },
      },
    },
    timing: {
      description: 'How long work takes and how often it fails: a default model and named profiles.',
      type: 'object',
      additionalProperties: false,
      properties: {
        default: ref('timing', 'The model of every enrichment without a profile.'),
        profiles: {
          description:
            'Named models, each merged over `default`. An enrichment uses its `timingProfile`, else the profile named like its slug.',
          type: 'object',
          propertyNames: { minLength: 1 },
          additionalProperties: ref('timing', 'One profile, merged over `timing.default`.'),
        },
      },
    },
    races: {
      description: "How a cancel that lands near a run's natural completion is answered.",
      type: 'object',
      additionalProperties: false,
      properties: {
        beforeCompletion: ref(
          'duration',
          'A cancel this long before completion gets "status changed" and the run still completes.',
        ),
        afterCompletion: ref(
          'duration',
          'A cancel this long after completion gets "status changed" rather than "not cancellable".',
        ),
        tieBreak: {
          description: 'Who wins a cancel at the exact instant of completion.',
          enum: ['completion', 'cancel'],
        },
        cancelAlwaysLoses: {
          description:
            'Every cancel of a pending or running run loses to a completion at that instant: it gets "status changed" and the run reads as completed from then on. The windows above still apply to completed runs. Default false.',
          type: 'boolean',
        },
      },
    },
    expiry: {
      description:
        'How long runs stay readable after creation, per vendor; `null` keeps them. Then they answer 404.',
      type: 'object',
      additionalProperties: false,
      properties: byVendor((vendor) =>
        ref('nullableDuration', VENDOR_DESCRIPTORS[vendor].expiry.description),
      ),
    },
    faults: {
      description: 'Injected faults, checked in order on every call. Replaces the inherited list whole.',
      type: 'array',
      items: ref('fault', 'One fault rule.'),
    },
    tolerance: {
      description: 'Response variations that tolerant clients must accept. All off by default.',
      type: 'object',
      additionalProperties: false,
      properties: {
        extraFields: { description: 'Add unknown fields to response objects.', type: 'boolean' },
        nullOptional: {
          description: 'Send optional and nullable fields as null where the spec allows it.',
          type: 'boolean',
        },
        shuffleKeys: { description: 'Emit object keys in a seeded, shuffled order.', type: 'boolean' },
      },
    },
    webhooks: WEBHOOKS_PROPERTY,
  },
  $defs: { ...TIMING_DEFS, ...WORLD_DEFS, ...FAULT_DEFS },
};
