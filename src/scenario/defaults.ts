import { byVendor, VENDOR_DESCRIPTORS } from '../vendors/vendor-descriptors.js';
import type { ScenarioBody } from './file-types.js';
import type { WebhookModel } from './types.js';

/** The seed a scenario gets when neither the file nor the caller gives one. */
const DEFAULT_SEED = 1;

/** An enrichment that takes no input. */
const NO_INPUT = { type: 'object', additionalProperties: false, properties: {} };

/**
 * What every scenario starts from: a file's own settings (and those of the scenarios it `extends`) are
 * deep-merged over this. `scenarios/default.yaml` spells out the same values; a test keeps them equal.
 */
export const DEFAULT_BODY: ScenarioBody = {
  seed: DEFAULT_SEED,
  startAt: '2026-01-05T09:00:00Z',
  world: {
    defaults: {
      credits: 1_000,
      lists: [
        { id: 'list_prospects', name: 'Prospects', subject: 'person', generate: 25, leads: [] },
        { id: 'list_accounts', name: 'Target accounts', subject: 'company', generate: 10, leads: [] },
      ],
      preEnriched: {},
    },
    tenants: {},
    revokedKeys: [],
    catalog: [
      {
        slug: 'work_email',
        name: 'Work email',
        description: "Finds the person's work email address.",
        subject: 'person',
        creditCost: 1,
        outputAttribute: 'workEmail',
        output: { kind: 'email' },
        inputSchema: NO_INPUT,
        version: 1,
        enabled: true,
      },
      {
        slug: 'phone_number',
        name: 'Phone number',
        description: "Finds the person's direct phone number.",
        subject: 'person',
        creditCost: 1,
        outputAttribute: 'phoneNumber',
        output: { kind: 'phone' },
        inputSchema: NO_INPUT,
        version: 1,
        enabled: true,
      },
      {
        slug: 'website_overview',
        name: 'Website overview',
        description: "Researches the company's website and summarises what it does.",
        subject: 'company',
        creditCost: 1,
        outputAttribute: 'websiteOverview',
        output: { kind: 'text' },
        inputSchema: {
          type: 'object',
          additionalProperties: false,
          properties: { focus: { type: 'string', description: 'What the overview should concentrate on.' } },
        },
        timingProfile: 'web_research',
        version: 1,
        enabled: true,
      },
      {
        slug: 'hiring_status',
        name: 'Hiring status',
        description: 'Whether the company is hiring right now.',
        subject: 'company',
        creditCost: 1,
        outputAttribute: 'hiringStatus',
        output: { kind: 'options', options: ['hiring', 'not_hiring', 'unknown'] },
        inputSchema: NO_INPUT,
        version: 1,
        enabled: true,
      },
    ],
  },
  timing: {
    default: {
      queueWait: { uniform: ['300ms', '1s'] },
      itemDuration: { lognormal: { median: '800ms', sigma: 0.5, max: '5s' } },
      concurrency: 5,
      failure: { rate: 0.02, maxAttempts: 2, messages: ['Provider timed out', 'No match found'] },
    },
    profiles: {
      web_research: {
        itemDuration: { lognormal: { median: '45s', sigma: 0.5, max: '4m' } },
        concurrency: 3,
      },
    },
  },
  races: { beforeCompletion: 0, afterCompletion: 0, tieBreak: 'completion', cancelAlwaysLoses: false },
  expiry: byVendor((vendor) => VENDOR_DESCRIPTORS[vendor].expiry.default),
  faults: [],
  tolerance: { extraFields: false, nullOptional: false, shuffleKeys: false },
  webhooks: {
    delay: '0s',
    duplicate: 0,
    reorder: false,
    timeout: '5s',
    retrySchedule: ['0s', '10s', '30s', '2m', '10m'],
  },
};

/** The webhook delivery of a scenario that names none: `DEFAULT_BODY.webhooks`, normalised. */
export const DEFAULT_WEBHOOK_MODEL: WebhookModel = {
  delayMs: 0,
  duplicate: 0,
  reorderWindowMs: 0,
  timeoutMs: 5_000,
  retryScheduleMs: [0, 10_000, 30_000, 120_000, 600_000],
};

/** The reorder window of `webhooks.reorder: true`. */
export const DEFAULT_REORDER_WINDOW = '30s';
