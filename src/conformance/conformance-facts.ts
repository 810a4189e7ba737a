import { exaConformance } from '../vendors/exa/exa-conformance.js';
import { puffleConformance } from '../vendors/puffle/puffle-conformance.js';
import { sendkitConformance } from '../vendors/sendkit/sendkit-conformance.js';
import type { Vendor } from '../vendors/vendor-descriptors.js';
import type { VendorFacts } from './vendor-facts.js';

/** Each vendor's conformance facts, declared in its own folder; the type checker asks for every vendor. */
export const CONFORMANCE_FACTS: Record<Vendor, VendorFacts> = {
  puffle: puffleConformance,
  sendkit: sendkitConformance,
  exa: exaConformance,
};
