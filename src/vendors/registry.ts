import type { VendorBehaviour, VendorDefinition } from '../adapter/vendor-definition.js';
import { DOCUMENTS } from '../generated/documents.js';
import { createExaVendor } from './exa/exa-vendor.js';
import { createPuffleVendor } from './puffle/puffle-vendor.js';
import { createSendkitVendor } from './sendkit/sendkit-vendor.js';
import { byVendor, VENDOR_DESCRIPTORS, VENDORS, type Vendor } from './vendor-descriptors.js';

/** Each vendor's behaviour, from its folder: one entry per descriptor (the type checker asks for it). */
const BEHAVIOURS: Record<Vendor, () => VendorBehaviour> = {
  puffle: createPuffleVendor,
  sendkit: createSendkitVendor,
  exa: createExaVendor,
};

/**
 * Every vendor the mock serves, in routing order: each vendor's behaviour joined to its descriptor.
 *
 * @example
 * const handlers = createVendors().map((vendor) => createVendorHandler(vendor, runtime, VENDOR_ORIGINS[vendor.vendor]));
 */
export function createVendors(): VendorDefinition[] {
  return VENDORS.map((vendor) => {
    const { basePath, spec } = VENDOR_DESCRIPTORS[vendor];
    return { vendor, basePath, document: DOCUMENTS[spec], ...BEHAVIOURS[vendor]() };
  });
}

/** The real API origin of each vendor: in-process handlers answer there unless told otherwise. */
export const VENDOR_ORIGINS: Record<Vendor, string> = byVendor((vendor) => VENDOR_DESCRIPTORS[vendor].origin);
