import { DOCUMENTS } from '../generated/documents.js';
import { operationIndexOf } from '../openapi/operation-index.js';
import { byVendor, VENDOR_DESCRIPTORS, VENDORS, type Vendor } from '../vendors/vendor-descriptors.js';

/**
 * The operationIds under `paths` of each vendor's OpenAPI document (`openapi/*.yaml`), in document order:
 * what a fault rule's `match.operation` may name.
 */
export const OPERATIONS: Readonly<Record<Vendor, readonly string[]>> = byVendor((vendor) =>
  operationIndexOf(DOCUMENTS[VENDOR_DESCRIPTORS[vendor].spec]).operations.map(({ id }) => id),
);

/** Operations that dispatch enrichment work: the only ones a `dispatchFailure` fault can apply to. */
export const DISPATCHING_OPERATIONS: ReadonlySet<string> = new Set(
  VENDORS.flatMap((vendor) => VENDOR_DESCRIPTORS[vendor].dispatching),
);

/** Every known operationId, in document order. */
export const ALL_OPERATIONS: readonly string[] = Object.values(OPERATIONS).flat();

/** The vendor whose document declares `operation`, if any. */
export function vendorOfOperation(operation: string): Vendor | undefined {
  return VENDORS.find((vendor) => OPERATIONS[vendor].includes(operation));
}
