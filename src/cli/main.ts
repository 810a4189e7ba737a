import { createProcessIo } from './cli-io.js';
import { runCli } from './run-cli.js';

// The `enrichment-mock` executable (bin/enrichment-mock.js imports the built copy of this file).
process.exitCode = await runCli(process.argv.slice(2), process.env, createProcessIo());
