import { DURATION_PATTERN } from './duration.js';
import { ref } from './file-schema-ref.js';

/** `$defs` of the scenario file schema for durations and timing models (see `file-schema.ts`). */

const DURATION_MESSAGE =
  'must be a duration: a string like "250ms", "2s", "1m30s" or "7d" (units ms, s, m, h, d), or a number of milliseconds';

const duration = {
  description:
    'A duration: a string of `<number><unit>` parts with units ms, s, m, h, d (`"250ms"`, `"2s"`, `"1m30s"`, `"7d"`), or a number of milliseconds.',
  type: ['string', 'number'],
  pattern: DURATION_PATTERN,
  minimum: 0,
  errorMessage: DURATION_MESSAGE,
  patternErrorMessage: DURATION_MESSAGE,
  examples: ['250ms', '2s', '5m', '7d'],
};

const nullableDuration = {
  ...duration,
  description: 'A duration (see `duration`), or `null` for never.',
  type: ['string', 'number', 'null'],
  errorMessage: `${DURATION_MESSAGE}, or null for never`,
  patternErrorMessage: `${DURATION_MESSAGE}, or null for never`,
};

const distribution = {
  description:
    'A duration distribution, sampled per item from the seed: exactly one of `{fixed: 2s}`, `{uniform: [1s, 3s]}` or `{lognormal: {median: 2s, sigma: 0.6, max: 30s}}`. Replaced whole by `extends`, never merged.',
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  errorMessage:
    'must be exactly one of {fixed: 2s}, {uniform: [1s, 3s]} or {lognormal: {median: 2s, sigma: 0.6, max: 30s}}',
  additionalProperties: false,
  properties: {
    fixed: ref('duration', 'Always exactly this long.'),
    uniform: {
      description: '`[min, max]`: any duration between the two, inclusive, equally likely.',
      type: 'array',
      prefixItems: [ref('duration', 'The shortest duration.'), ref('duration', 'The longest duration.')],
      items: false,
      minItems: 2,
    },
    lognormal: {
      description:
        'Mostly near `median`, with a long tail to the right, cut at `max`: how real provider latencies look.',
      type: 'object',
      additionalProperties: false,
      required: ['median', 'sigma', 'max'],
      properties: {
        median: ref('duration', 'Half the samples are shorter than this.'),
        sigma: {
          description:
            'Spread of the tail (the standard deviation of the log). 0.3 is tight, 0.6 typical, 1 wild.',
          type: 'number',
          minimum: 0,
          maximum: 5,
        },
        max: ref('duration', 'No sample is longer than this.'),
      },
    },
  },
};

const timing = {
  description:
    'How long enrichment work takes and how often it fails. Every field is optional: what is left out is inherited.',
  type: 'object',
  additionalProperties: false,
  properties: {
    queueWait: ref('distribution', "Wait between a run's creation and its first item starting."),
    itemDuration: ref('distribution', 'Duration of one attempt at one item (lead).'),
    concurrency: {
      description:
        'Items processed at once: items start in waves of this size, one wave per typical item duration.',
      type: 'integer',
      minimum: 1,
      maximum: 100_000,
    },
    failure: {
      description: 'How often an attempt fails, and what a failed item reports.',
      type: 'object',
      additionalProperties: false,
      properties: {
        rate: {
          description: 'Probability (0..1) that one attempt fails.',
          type: 'number',
          minimum: 0,
          maximum: 1,
        },
        maxAttempts: {
          description: 'Attempts per item before it is failed for good (1 = no retry).',
          type: 'integer',
          minimum: 1,
          maximum: 10,
        },
        messages: {
          description: 'Error messages a failed item picks from (by the seed).',
          type: 'array',
          minItems: 1,
          items: {
            type: 'string',
            minLength: 1,
            description: 'One error message, e.g. "Provider timed out".',
          },
        },
      },
    },
  },
};

export const TIMING_DEFS = { duration, nullableDuration, distribution, timing };
