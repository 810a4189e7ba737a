import { recordOf } from '../core/record-of.js';
import type { DocumentName } from '../generated/documents.js';

/** What the rest of the mock knows of one vendor without loading its code. */
export interface VendorDescriptor {
  /** The vendor's name as its users know it. */
  title: string;
  /** The real API origin: in-process handlers answer there unless told otherwise. */
  origin: string;
  /** Path prefix every operation of the vendor lives under, e.g. `/api`. */
  basePath: string;
  /** The vendor's OpenAPI document: the file name under `openapi/`, without `.yaml`. */
  spec: DocumentName;
  /** How long runs stay readable by default (a scenario duration), `null` for ever, and its schema text. */
  expiry: { default: string | null; description: string };
  /** operationIds that dispatch enrichment work: the only ones a `dispatchFailure` fault applies to. */
  dispatching: readonly string[];
}

/**
 * Every vendor the mock serves, in routing order: the ONE list of vendors. The `Vendor` type, the scenario
 * file schema's enums, the journal's and the control API's vendor lists (`openapi/admin.yaml`, rewritten by
 * `npm run generate`), HAR reading and the fault operation names all derive from it. Static data only, so
 * any module (the scenario schema, the generator) can import it without loading the vendors' code; the
 * vendors' behaviour is joined to it in `registry.ts`.
 */
export const VENDOR_DESCRIPTORS = {
  puffle: {
    title: 'Puffle',
    origin: 'https://app.puffle.ai',
    basePath: '/api',
    spec: 'puffle',
    expiry: { default: null, description: 'Time to live of Puffle enrichment runs. Default null.' },
    dispatching: ['puffleCreateEnrichmentRun'],
  },
  sendkit: {
    title: 'Sendkit',
    origin: 'https://api.sendkit.ai',
    basePath: '/v1',
    spec: 'sendkit',
    expiry: {
      default: '7d',
      description: 'Time to live of Sendkit jobs. Default 7d ("Job not found or expired").',
    },
    dispatching: ['sendkitEnrichLeads'],
  },
  exa: {
    title: 'Exa Websets',
    origin: 'https://api.exa.ai',
    basePath: '/websets/v0',
    spec: 'exa-websets',
    expiry: { default: null, description: 'Time to live of Exa enrichments. Default null.' },
    dispatching: ['exaCreateWebset', 'exaCreateEnrichment'],
  },
} as const satisfies Record<string, VendorDescriptor>;

/** A vendor the mock serves. */
export type Vendor = keyof typeof VENDOR_DESCRIPTORS;

/** Whether `name` is a vendor the mock serves. */
export const isVendor = (name: string): name is Vendor => Object.hasOwn(VENDOR_DESCRIPTORS, name);

/** Every vendor, in routing order. */
export const VENDORS: readonly Vendor[] = Object.keys(VENDOR_DESCRIPTORS).filter(isVendor);

/**
 * Where each vendor lives, for people: `Puffle /api, Sendkit /v1, Exa Websets /websets/v0`.
 *
 * @example
 * `Paths: ${VENDOR_PATHS}, control API /__admin.`
 */
export const VENDOR_PATHS = VENDORS.map((vendor) => {
  const { title, basePath } = VENDOR_DESCRIPTORS[vendor];
  return `${title} ${basePath}`;
}).join(', ');

/**
 * A record with one entry per vendor, in routing order.
 *
 * @example
 * byVendor((vendor) => VENDOR_DESCRIPTORS[vendor].origin); // { puffle: 'https://app.puffle.ai', ... }
 */
export function byVendor<T>(value: (vendor: Vendor) => T): Record<Vendor, T> {
  return recordOf(VENDORS, value);
}
