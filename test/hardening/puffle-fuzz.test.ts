import { PUFFLE } from './support/vendor-targets.js';
import { describeVendorFuzz } from './support/vendor-fuzz-suite.js';

describeVendorFuzz(PUFFLE, { seed: 0x70_0000, perOperation: 100, unrouted: 120, victimBatch: 250 });
