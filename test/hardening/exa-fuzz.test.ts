import { EXA } from './support/vendor-targets.js';
import { describeVendorFuzz } from './support/vendor-fuzz-suite.js';

describeVendorFuzz(EXA, { seed: 0xe0_0000, perOperation: 25, unrouted: 120, victimBatch: 250 });
