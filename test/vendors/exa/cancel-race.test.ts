import { describe, expect, it } from 'vitest';
import { createWebset, EMAIL, exaSetup, websetBody } from './exa-api.js';

describe('exa: a cancel that loses its race to completion', () => {
  it('leaves the Enrichment completed from the cancel instant on, every result settled (cancel-race)', async () => {
    const { harness, client } = exaSetup('cancel-race', 331);
    const webset = await createWebset(client, websetBody(3, [EMAIL]));
    const id = webset.enrichments[0]?.id ?? '';
    harness.clock.advance(4_000);
    const raced = new Date(harness.clock.now()).toISOString();
    const refused = await client.cancelEnrichment(webset.id, id);
    expect(refused.json.status).not.toBe('canceled');
    expect((await client.getEnrichment(webset.id, id)).json).toMatchObject({
      status: 'completed',
      updatedAt: raced,
    });
    const items = (await client.listItems(webset.id)).json.data as {
      enrichments: { enrichmentId: string; status: string }[];
    }[];
    expect(items.flatMap((item) => item.enrichments.map((result) => result.status))).toEqual([
      'completed',
      'completed',
      'completed',
    ]);
  });
});
