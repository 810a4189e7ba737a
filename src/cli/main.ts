import { createProcessIo } from './cli-io.js';
import { runCli } from './run-cli.js';

// The `enrichment-mock` executable: bin/enrichment-mock.js runs this file (through tsx in a clone) or its
// built copy in dist/ (installed package).
process.exitCode = await runCli(process.argv.slice(2), process.env, createProcessIo());
