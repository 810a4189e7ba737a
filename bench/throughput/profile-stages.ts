/**
 * Groups a profile's charged time (profile-summary.ts) into the stages a request of enrichment-mock goes
 * through, so the summary says which layer to make cheaper. The first matching stage wins.
 */
const STAGES: [stage: string, matches: (location: string) => boolean][] = [
  ['garbage collection', (location) => location === '(garbage collector)'],
  [
    'node http + sockets (plain express pays this too): node internals, natives, src/server/deliver.ts',
    (location) =>
      location === 'node:internal' ||
      location === '(native)' ||
      location === '(program)' ||
      location === 'src/server/deliver.ts',
  ],
  [
    'express 5 (routing; for plain express also res.json and its socket writes)',
    (location) =>
      location.startsWith('bench/') ||
      /^node_modules\/(express|router|path-to-regexp|body-parser|finalhandler|send|on-finished|parseurl|qs|type-is|content-type|statuses|depd|debug|etag|mime-types|mime-db|raw-body|iconv-lite|bytes|safer-buffer)$/.test(
        location,
      ),
  ],
  [
    'msw bridge (the msw-express stub; enrichment-mock only with --handlers): @mswjs/http-middleware, msw, cookies',
    (location) =>
      /^node_modules\/(msw|@mswjs\/.*|@bundled-es-modules\/.*|tough-cookie|tldts.*|until-async|headers-polyfill|outvariant|strict-event-emitter|is-node-process|graphql|cookie|statuses|@open-draft\/.*)$/.test(
        location,
      ) ||
      location === 'src/server/capture-middleware.ts' ||
      location === 'src/server/user-handlers.ts',
  ],
  [
    'server adapter + journal: src/server/{exchange,create-app,...}.ts, src/runtime/{journal,record-exchange}.ts, src/http/read-body.ts',
    (location) =>
      location.startsWith('src/server/') ||
      ['src/runtime/journal.ts', 'src/runtime/record-exchange.ts', 'src/http/read-body.ts'].includes(
        location,
      ),
  ],
  [
    'vendor pipeline: src/adapter, src/openapi, src/http, src/vendors, ajv',
    (location) =>
      /^src\/(adapter|openapi|http|vendors)\//.test(location) || /^node_modules\/ajv/.test(location),
  ],
  [
    'simulator core + fake data: src/core, src/runtime, src/scenario, src/clock, @faker-js/faker',
    (location) =>
      /^src\/(core|runtime|scenario|clock)\//.test(location) || location === 'node_modules/@faker-js/faker',
  ],
];

/** Sums `[location, ms]` rows into stages, largest first; unmatched locations go to "other". */
export function toStages(chargedByLocation: [string, number][]): [string, number][] {
  const totals = new Map<string, number>();
  const others: string[] = [];
  let otherMs = 0;
  for (const [location, ms] of chargedByLocation) {
    const stage = STAGES.find(([, matches]) => matches(location))?.[0];
    if (stage) {
      totals.set(stage, (totals.get(stage) ?? 0) + ms);
    } else {
      otherMs += ms;
      if (ms > 0) others.push(location);
    }
  }
  const rows = [...totals.entries()];
  if (otherMs > 0) {
    rows.push([`other: ${others.slice(0, 5).join(', ')}${others.length > 5 ? ', ...' : ''}`, otherMs]);
  }
  return rows.sort((a, b) => b[1] - a[1]);
}
