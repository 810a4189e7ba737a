import { describe, expect, it } from 'vitest';
import { TERMINAL } from '../../../src/core/run.js';
import { createHarness } from '../../support/mock-harness.js';
import { listRun } from './puffle-api.js';

const AUTH = { authorization: 'Bearer pk_live_times' };

/** Seconds each run over a default list takes in the default scenario, polled every second. */
async function runTimes(seed: number): Promise<Record<string, number>> {
  const { call, clock } = createHarness({ seed });
  const runs: [string, string][] = [];
  for (const [slug, listId] of [
    ['work_email', 'list_prospects'],
    ['hiring_status', 'list_accounts'],
    ['website_overview', 'list_accounts'],
  ] as const) {
    const created = await call('POST', 'https://app.puffle.ai/api/enrichment', {
      headers: AUTH,
      body: listRun(slug, listId),
    });
    runs.push([slug, created.json.enrichmentRunId]);
  }
  const times: Record<string, number> = {};
  for (let second = 0; second <= 600 && Object.keys(times).length < runs.length; second += 1) {
    for (const [slug, id] of runs) {
      if (times[slug] !== undefined) continue;
      const status = await call('GET', `https://app.puffle.ai/api/enrichment/${id}`, { headers: AUTH });
      if (TERMINAL.has(status.json.run.status)) times[slug] = second;
    }
    clock.advance(1_000);
  }
  return times;
}

// README.md, docs/quick-start.md, docs/scenarios.md and scenarios/default.yaml say so.
describe('default scenario run times, as the docs state them', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'seed %i: default-list runs take under 10 s, website research 2-6 minutes',
    async (seed) => {
      const times = await runTimes(seed);
      expect(times['work_email']).toBeLessThanOrEqual(10);
      expect(times['hiring_status']).toBeLessThanOrEqual(10);
      expect(times['website_overview']).toBeGreaterThanOrEqual(120);
      expect(times['website_overview']).toBeLessThanOrEqual(360);
    },
  );
});
