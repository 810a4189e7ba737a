import { TRANSPORT_FAULT_TEXT, TRANSPORT_FAULT_TYPES } from '../adapter/transport-fault.js';
import { VENDORS } from '../vendors/vendor-descriptors.js';
import { ref } from './file-schema-ref.js';
import { ALL_OPERATIONS } from './operations.js';

/** `$defs` of the scenario file schema for fault rules (see `file-schema.ts`). */

const faultMatch = {
  description: 'Which calls the rule applies to. Every field given must match; `{}` matches every call.',
  type: 'object',
  additionalProperties: false,
  properties: {
    vendor: ref('vendor', 'Only calls to this vendor.'),
    operation: {
      description: "Only calls to this operation (the operationId in the vendor's OpenAPI document).",
      enum: ALL_OPERATIONS,
    },
    tenant: { description: 'Only calls made with this API key.', type: 'string', minLength: 1 },
    nth: {
      description:
        'Only these calls, 1-based, counted per rule over the calls matching vendor, operation and tenant.',
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'integer', minimum: 1, description: 'A call number (1 = the first matching call).' },
    },
    every: {
      description: 'Only every k-th call (counted like `nth`). Not together with `nth`.',
      type: 'integer',
      minimum: 1,
    },
    probability: {
      description: 'Only this share of calls (0..1), drawn from the seed and the call number: reproducible.',
      type: 'number',
      minimum: 0,
      maximum: 1,
    },
  },
};

const faultEffect = {
  description: `What the fault does: exactly one of \`{status: 429, code?, message?, retryAfter?}\`, \`{latency: 300ms}\`, \`{transport: ${TRANSPORT_FAULT_TYPES.join('|')}}\` or \`{dispatchFailure: "message"}\`.`,
  type: 'object',
  additionalProperties: false,
  oneOf: [
    { required: ['status'] },
    { required: ['latency'] },
    { required: ['transport'] },
    { required: ['dispatchFailure'] },
  ],
  errorMessage: 'must have exactly one of status, latency, transport or dispatchFailure',
  dependentRequired: { code: ['status'], message: ['status'], retryAfter: ['status'] },
  properties: {
    status: {
      description: 'Answer with this HTTP error status instead.',
      type: 'integer',
      minimum: 400,
      maximum: 599,
    },
    code: {
      description: "Error code in the vendor's error body. Default: the vendor's code for the status.",
      type: 'string',
      minLength: 1,
    },
    message: {
      description: "Error message in the vendor's error body. Default: the vendor's message for the status.",
      type: 'string',
      minLength: 1,
    },
    retryAfter: ref('duration', 'Send a `Retry-After` header: whole seconds, e.g. `2s`.'),
    latency: ref('duration', 'Answer normally, this much later.'),
    transport: {
      description: `${TRANSPORT_FAULT_TEXT}.`,
      enum: TRANSPORT_FAULT_TYPES,
    },
    dispatchFailure: {
      description:
        'Create the run but fail its dispatch with this message (create operations only: the run shows failed at once).',
      type: 'string',
      minLength: 1,
    },
  },
};

const fault = {
  description:
    'A fault rule: calls that `match` get the `effect`. Rules are checked in order; every matching rule applies.',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'match', 'effect'],
  properties: {
    name: { description: 'Names the rule in logs and the journal. Unique.', type: 'string', minLength: 1 },
    match: ref('faultMatch', 'Which calls the rule applies to.'),
    effect: ref('faultEffect', 'What happens to them.'),
    times: {
      description: 'Stop after applying this many times. Default: no limit.',
      type: 'integer',
      minimum: 1,
    },
  },
};

export const FAULT_DEFS = {
  vendor: { description: 'One of the vendors the mock serves.', enum: VENDORS },
  fault,
  faultMatch,
  faultEffect,
};
