import { VENDOR_DESCRIPTORS, VENDOR_PATHS, VENDORS } from '../vendors/vendor-descriptors.js';

/** "Puffle, Sendkit and Exa Websets". */
const TITLES = VENDORS.map((vendor) => VENDOR_DESCRIPTORS[vendor].title)
  .join(', ')
  .replace(/, ([^,]*)$/, ' and $1');

/** The text of `enrichment-mock --help`. */
export const HELP = `enrichment-mock: a mock of the ${TITLES} enrichment APIs.

Usage:
  enrichment-mock serve [flags]          serve the vendor APIs and the control API on one port
  enrichment-mock validate FILE          check a scenario file (or a built-in scenario name)
  enrichment-mock replay FILE.har [flags] replay a recorded journal and report every difference
  enrichment-mock report FILE.har [--format text|json|junit]
                                         judge a recorded journal against the vendors' client rules
  enrichment-mock --help | --version

serve flags (each can also be set by the environment variable shown; a flag wins):
  --port N            port to listen on, 0 for any free port   ENRICHMENT_MOCK_PORT          (4010)
  --host HOST         address to bind                          ENRICHMENT_MOCK_HOST          (127.0.0.1)
  --scenario NAME|PATH  built-in scenario or scenario file     ENRICHMENT_MOCK_SCENARIO      (default)
  --seed N            seed for generated data and timings      ENRICHMENT_MOCK_SEED          (the scenario's)
  --clock real|virtual  wall clock, or a clock moved by POST /__admin/clock/advance
                                                               ENRICHMENT_MOCK_CLOCK         (real)
  --speed FACTOR      run the real clock FACTOR times faster   ENRICHMENT_MOCK_SPEED         (1)
  --journal-limit N   request journal size (oldest dropped)    ENRICHMENT_MOCK_JOURNAL_LIMIT (10000)
  --admin-token T     require Authorization: Bearer T on /__admin (needed off loopback)
                                                               ENRICHMENT_MOCK_ADMIN_TOKEN
  --log-level LEVEL   silent, error, warn, info or debug       ENRICHMENT_MOCK_LOG_LEVEL     (info)
  --watch             re-read the scenario files in use when they change (a broken edit keeps the last good one)
  --log-format pretty|json  one readable line per request, or JSON lines
                                                               ENRICHMENT_MOCK_LOG_FORMAT    (pretty on a terminal, else json)
  --handlers FILE     module whose default export is an array of msw handlers, served in front
                      of the vendors (repeatable; unhandled requests fall through)
  --report FILE       write the conformance report when the server stops (.xml JUnit, .json)
                                                               ENRICHMENT_MOCK_REPORT

replay flags:
  --scenario NAME|PATH  scenario to replay against (default: the one recorded in the HAR)
  --seed N            seed to replay with (default: the one recorded in the HAR)

Paths: ${VENDOR_PATHS}, control API /__admin.
Exit codes: 0 ok, 1 failure (invalid scenario, replay differences, error findings, cannot listen), 2 bad usage.
Reference: docs/server.md, docs/conformance.md`;
