import { ref } from './file-schema-ref.js';

/** The `webhooks` property of the scenario file schema (see `file-schema.ts`). */
export const WEBHOOKS_PROPERTY = {
  description:
    'How webhook deliveries go out: late, duplicated or out of order, with a receiver timeout and a retry schedule. Receivers must stay idempotent (deduplicate by event id). Default: on time, once each, in order, 5s timeout, retries at 0s, 10s, 30s, 2m and 10m.',
  type: 'object',
  additionalProperties: false,
  properties: {
    delay: ref('duration', 'Every delivery leaves this long after its event. Default 0s.'),
    duplicate: {
      description:
        'Probability (0..1) that a delivery is sent twice, drawn from the seed per event and webhook. The copy leaves up to 10s after the original, with attempts of its own. Default 0.',
      type: 'number',
      minimum: 0,
      maximum: 1,
    },
    reorder: {
      description:
        '`true` (a 30s window) or a duration: each delivery is held back a seeded time within the window, so deliveries of events closer than that arrive out of order. Default false: event order.',
      anyOf: [
        { type: 'boolean', description: '`true` for a 30s window, `false` for event order.' },
        ref('duration', 'The reorder window.'),
      ],
      errorMessage: 'must be true, false or a duration like "30s"',
    },
    timeout: ref(
      'duration',
      'How long the receiver has to answer (wall-clock time) before the attempt counts as failed. Default 5s.',
    ),
    retrySchedule: {
      description:
        "When each attempt is due, counted from the delivery's first due instant, in ascending order: one entry per attempt. A 2xx answer ends the delivery; anything else (or no answer in time) waits for the next entry. Replaced whole by `extends`. Default [0s, 10s, 30s, 2m, 10m].",
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: ref('duration', 'When this attempt is due, after the first due instant.'),
    },
  },
};
