import { toIso } from '../core/clock.js';
import type { Vendor } from '../scenario/types.js';
import { DASHBOARD_PATH } from '../server/dashboard-path.js';
import { VENDOR_DESCRIPTORS } from '../vendors/vendor-descriptors.js';

/** A Puffle key for the copy-paste command: any key is a tenant with the scenario's default world. */
const EXAMPLE_TENANT = 'pk_live_demo';

export interface BannerFacts {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  /** The vendors in routing order, with their path prefixes. */
  vendors: readonly { vendor: Vendor; basePath: string }[];
  scenario: { name: string; description: string; startAtMs: number };
  /** The scenario as given (`--scenario`): a name, or the file it was loaded from. */
  scenarioSource: string;
  clock: 'real' | 'virtual';
  speed: number;
  /** Whether the control API wants `Authorization: Bearer <token>` (the token itself is never printed). */
  adminToken: boolean;
}

/**
 * What `serve` prints once it listens (human text, whatever the log format): the listening line (first,
 * so scripts can read the port), then the base URL of each vendor and of the control API, the scenario,
 * the live dashboard, the clock, and a command that shows a tenant's lists and lead ids.
 *
 * @example
 * for (const line of startupBanner({ url, vendors, scenario, scenarioSource: 'default', clock: 'real', speed: 1, adminToken: false })) io.out(line);
 * // enrichment-mock listening on http://127.0.0.1:4010 (scenario: default, clock: real)
 * //   Puffle        http://127.0.0.1:4010/api
 * //   ...
 */
export function startupBanner(facts: BannerFacts): string[] {
  const { url, scenario } = facts;
  const speed = facts.clock === 'real' && facts.speed !== 1 ? ` x${facts.speed}` : '';
  const row = (label: string, value: string): string => `  ${label.padEnd(13)} ${value}`;
  const vendorRows = facts.vendors.map(({ vendor, basePath }) =>
    row(
      VENDOR_DESCRIPTORS[vendor].title,
      `${url}${basePath}${vendor === 'exa' ? `   (exa-js adds ${basePath}: new Exa(key, '${url}'))` : ''}`,
    ),
  );
  const source = facts.scenarioSource === scenario.name ? '' : ` (from ${facts.scenarioSource})`;
  const clock =
    facts.clock === 'virtual'
      ? `virtual, at ${toIso(scenario.startAtMs)}; moves only on POST ${url}/__admin/clock/advance`
      : speed === ''
        ? 'real (wall clock)'
        : `real, ${facts.speed} times faster than the wall clock`;
  const auth = facts.adminToken ? `-H 'Authorization: Bearer <your --admin-token>' ` : '';
  return [
    `enrichment-mock listening on ${url} (scenario: ${scenario.name}, clock: ${facts.clock}${speed})`,
    ...vendorRows,
    row('Control API', `${url}/__admin`),
    row('Dashboard', `${url}${DASHBOARD_PATH}${facts.adminToken ? '   (asks for the --admin-token)' : ''}`),
    row('Scenario', `${scenario.name}${source}: ${scenario.description}`),
    row('Clock', clock),
    `  Each API key is a tenant with the scenario's world; to see a tenant's lists and lead ids:`,
    `    curl ${auth}${url}/__admin/tenants/${EXAMPLE_TENANT}`,
  ];
}
