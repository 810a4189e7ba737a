import { exaConformance } from '../vendors/exa/exa-conformance.js';
import { puffleConformance } from '../vendors/puffle/puffle-conformance.js';
import { sendkitConformance } from '../vendors/sendkit/sendkit-conformance.js';
import type { VendorFacts } from './vendor-facts.js';

/** Each vendor's conformance facts, declared in its own folder. */
export const CONFORMANCE_FACTS: readonly VendorFacts[] = [
  puffleConformance,
  sendkitConformance,
  exaConformance,
];
