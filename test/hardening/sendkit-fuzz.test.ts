import { SENDKIT } from './support/vendor-targets.js';
import { describeVendorFuzz } from './support/vendor-fuzz-suite.js';

describeVendorFuzz(SENDKIT, { seed: 0x5e_0000, perOperation: 120, unrouted: 120, victimBatch: 250 });
