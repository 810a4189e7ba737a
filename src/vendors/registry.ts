import type { VendorDefinition } from '../adapter/vendor-definition.js';
import type { Vendor } from '../scenario/types.js';
import { createExaVendor } from './exa/exa-vendor.js';
import { createPuffleVendor } from './puffle/puffle-vendor.js';
import { createSendkitVendor } from './sendkit/sendkit-vendor.js';

/** Every vendor the mock serves, in routing order. */
export function createVendors(): VendorDefinition[] {
  return [createPuffleVendor(), createSendkitVendor(), createExaVendor()];
}

/** The real API origin of each vendor: in-process handlers answer there unless told otherwise. */
export const VENDOR_ORIGINS: Record<Vendor, string> = {
  puffle: 'https://app.puffle.ai',
  sendkit: 'https://api.sendkit.ai',
  exa: 'https://api.exa.ai',
};
