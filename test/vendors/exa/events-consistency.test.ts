import { describe, expect, it } from 'vitest';
import { createWebset, EMAIL, exaSetup, websetBody, type ExaClient } from './exa-api.js';

type Result = { status: string; enrichmentId: string };
type Item = { id: string; enrichments: Result[] };
type Event = { id: string; type: string; createdAt: string; data: { id: string; status?: string } };

/** Instants after creation at which the tests poll: queueing, the first waves, the tail, long after. */
const INSTANTS = [0, 300, 700, 1_000, 1_500, 2_000, 3_000, 5_000, 10_000, 60_000, 600_000];

async function pollItems(client: ExaClient, websetId: string): Promise<Item[]> {
  return (await client.listItems(websetId, { limit: 100 })).json.data as Item[];
}

async function pollEvents(client: ExaClient): Promise<Event[]> {
  return (await client.listEvents({ limit: 200 })).json.data as Event[];
}

describe('exa: events agree with polling', () => {
  it('lists one webset.item.enriched per completed result, carrying the item as polled, at every instant', async () => {
    const { harness, client } = exaSetup('default', 511);
    const webset = await createWebset(client, websetBody(20, [EMAIL]));
    const start = harness.clock.now();
    const counts: number[] = [];
    for (const offset of INSTANTS) {
      harness.clock.set(start + offset);
      const [items, events] = [await pollItems(client, webset.id), await pollEvents(client)];
      const completed = items.filter((item) => item.enrichments[0]?.status === 'completed');
      const enriched = events.filter((event) => event.type === 'webset.item.enriched');
      expect(enriched, `at +${offset} ms`).toHaveLength(completed.length);
      counts.push(completed.length);
      expect(enriched.map((event) => event.data.id).sort()).toEqual(completed.map((item) => item.id).sort());
      for (const event of enriched)
        expect(event.data).toEqual(items.find((item) => item.id === event.data.id));
      expect(events.filter((event) => event.type === 'webset.item.created')).toHaveLength(items.length);
      expect(events.every((event) => Date.parse(event.createdAt) <= harness.clock.now())).toBe(true);

      const status = (await client.getWebset(webset.id)).json.status as string;
      expect(events[0]?.type === 'webset.idle', `at +${offset} ms the Webset is ${status}`).toBe(
        status === 'idle',
      );
      if (status === 'idle') expect(events[0]?.data.status).toBe('idle');
    }
    expect((await client.getWebset(webset.id)).json.status).toBe('idle');
    expect(
      counts.filter((count) => count > 0 && count < 20).length,
      `counts ${counts.join()}`,
    ).toBeGreaterThan(2);
  });

  it('counts only the results produced before a cancel, and is idle from the cancel on', async () => {
    const { harness, client } = exaSetup('default', 512);
    const webset = await createWebset(client, websetBody(30, [EMAIL]));
    const enrichmentId = webset.enrichments[0]?.id ?? '';
    const start = harness.clock.now();
    harness.clock.set(start + 1_500);
    await client.cancelEnrichment(webset.id, enrichmentId);
    for (const offset of [1_500, 3_000, 60_000]) {
      harness.clock.set(start + offset);
      const [items, events] = [await pollItems(client, webset.id), await pollEvents(client)];
      const statuses = items.map((item) => item.enrichments[0]?.status);
      const enriched = events.filter((event) => event.type === 'webset.item.enriched');
      expect(statuses).toContain('canceled');
      expect(statuses).toContain('completed');
      expect(enriched).toHaveLength(statuses.filter((status) => status === 'completed').length);
      expect(events[0]).toMatchObject({
        type: 'webset.idle',
        createdAt: new Date(start + 1_500).toISOString(),
      });
    }
  });

  it('agrees with a second Enrichment added while the first runs', async () => {
    const { harness, client } = exaSetup('default', 513);
    const webset = await createWebset(client, websetBody(10, [EMAIL]));
    const start = harness.clock.now();
    harness.clock.set(start + 800);
    await client.createEnrichment(webset.id, { description: 'Seniority of this person', format: 'text' });
    for (const offset of [800, 1_200, 2_000, 4_000, 60_000]) {
      harness.clock.set(start + offset);
      const [items, events] = [await pollItems(client, webset.id), await pollEvents(client)];
      const completedResults = items
        .flatMap((item) => item.enrichments)
        .filter((r) => r.status === 'completed');
      const enriched = events.filter((event) => event.type === 'webset.item.enriched');
      expect(enriched, `at +${offset} ms`).toHaveLength(completedResults.length);
      const status = (await client.getWebset(webset.id)).json.status as string;
      expect(events[0]?.type === 'webset.idle').toBe(status === 'idle');
    }
  });
});
