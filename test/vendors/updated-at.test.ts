import { describe, expect, it } from 'vitest';
import { createWebset, EMAIL, exaSetup, websetBody } from './exa/exa-api.js';
import { listRun, puffleSetup, startRun } from './puffle/puffle-api.js';
import { sendkitClient, startJob } from './sendkit/sendkit-api.js';
import { createHarness } from '../support/mock-harness.js';

const ms = (iso: string): number => Date.parse(iso);

// Default timing: items take about 800 ms, 5 at a time, so a run over 25 leads makes progress for seconds.
describe('updatedAt moves with progress: the latest change at or before now', () => {
  it('puffle: run timing.updatedAt is the latest item start or end, not the run start', async () => {
    const { harness, client } = puffleSetup('default', 341);
    const id = await startRun(client, listRun('work_email', 'list_prospects'));
    harness.clock.advance(2_500);
    const { run } = (await client.get(id)).json;
    expect(run.status).toBe('running');
    expect(run.scope.counts.completed).toBeGreaterThan(0);
    const items = (await client.items(id, { limit: 100 })).json.items as {
      timing: { startedAt: string | null; completedAt: string | null };
    }[];
    const latest = Math.max(
      ...items.flatMap(({ timing }) => [timing.startedAt, timing.completedAt]).map((at) => (at ? ms(at) : 0)),
    );
    expect(ms(run.timing.updatedAt)).toBe(latest);
    expect(ms(run.timing.updatedAt)).toBeGreaterThan(ms(run.timing.startedAt));
    expect(ms(run.timing.updatedAt)).toBeLessThanOrEqual(harness.clock.now());
  });

  it('sendkit: job updatedAt moves on while processedItems grows', async () => {
    const harness = createHarness({ scenario: 'default', seed: 342 });
    const client = sendkitClient(harness, 'sk_updated');
    const id = await startJob(client);
    harness.clock.advance(2_000);
    const first = (await client.job(id)).json.data;
    harness.clock.advance(1_000);
    const second = (await client.job(id)).json.data;
    expect(second.status).toBe('processing');
    expect(second.metadata.processedItems).toBeGreaterThan(first.metadata.processedItems);
    expect(ms(first.updatedAt)).toBeGreaterThan(ms(first.startedAt));
    expect(ms(second.updatedAt)).toBeGreaterThan(ms(first.updatedAt));
    expect(ms(second.updatedAt)).toBeLessThanOrEqual(harness.clock.now());
  });

  it('exa: enrichment updatedAt moves on while results land', async () => {
    const { harness, client } = exaSetup('default', 343);
    const webset = await createWebset(client, websetBody(25, [EMAIL]));
    const id = webset.enrichments[0]?.id ?? '';
    harness.clock.advance(2_000);
    const first = (await client.getEnrichment(webset.id, id)).json;
    harness.clock.advance(1_000);
    const second = (await client.getEnrichment(webset.id, id)).json;
    expect(second.status).toBe('pending');
    expect(ms(first.updatedAt)).toBeGreaterThan(ms(first.createdAt));
    expect(ms(second.updatedAt)).toBeGreaterThan(ms(first.updatedAt));
    expect(ms(second.updatedAt)).toBeLessThanOrEqual(harness.clock.now());
  });
});
