import { describe, expect, it } from 'vitest';
import { ADDITIVE_FIELD, applyTolerance } from '../../src/adapter/tolerance.js';
import { isRecord } from '../../src/openapi/document-resolver.js';
import { createOperationIndex } from '../../src/openapi/operation-index.js';
import { resolveBuiltinScenario } from '../../src/scenario/load-scenario.js';
import { createVendors } from '../../src/vendors/registry.js';
import { createHarness, type Harness } from '../support/mock-harness.js';
import { exaClient, EMAIL } from '../vendors/exa/exa-api.js';
import { listRun, puffleClient } from '../vendors/puffle/puffle-api.js';
import { leadIds, sendkitClient } from '../vendors/sendkit/sendkit-api.js';

/** Each vendor's flow: create, watch it run, page, cancel, re-read; asserting what tolerance must keep. */
const flows: Record<string, (harness: Harness) => Promise<void>> = {
  puffle: async (harness) => {
    const client = puffleClient(harness, 'pk_live_tolerance');
    const created = await client.create(listRun('work_email', 'list_prospects'));
    expect(created.json.triggerRunId).toEqual(expect.any(String));
    const id = created.json.enrichmentRunId as string;
    harness.clock.advance(3_000);
    const running = await client.get(id);
    expect(running.json.run.status).toBe('running');
    expect(running.json.run.timing.startedAt).toEqual(expect.any(String));
    expect(running.json.run.trigger.triggerRunId).toBe(created.json.triggerRunId);
    const page = await client.items(id, { limit: 2 });
    expect(page.json.page.hasMore).toBe(true);
    expect(page.json.page.nextCursor).toEqual(expect.any(String));
    const cancelled = await client.cancel(id);
    expect(cancelled.status).toBe(200);
    const after = await client.get(id);
    expect(after.json.run.status).toBe('cancelled');
    expect(after.json.run.timing.cancelledAt).toEqual(expect.any(String));
    expect(after.json.run.timing.completedAt).toEqual(expect.any(String));
    const again = await client.create(
      listRun('work_email', 'list_prospects', { writePolicy: 'skip_existing' }),
    );
    harness.clock.advance(600_000);
    const items = (await client.items(again.json.enrichmentRunId, { limit: 100 })).json.items as {
      status: string;
      skippedReason: unknown;
    }[];
    const skipped = items.filter((item) => item.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    for (const item of skipped) expect(item.skippedReason).toEqual(expect.any(String));
  },
  sendkit: async (harness) => {
    const client = sendkitClient(harness, 'sk_tolerance_1');
    const leads = await client.leads({ limit: 2 });
    expect(leads.json.data.pagination.hasMore).toBe(true);
    expect(leads.json.data.pagination.nextCursor).toEqual(expect.any(String));
    const enriched = await client.enrich({ leadIds: await leadIds(client, 25), enrichmentTypes: ['email'] });
    const jobId = enriched.json.data.jobs[0].jobId as string;
    harness.clock.advance(3_000);
    const running = await client.job(jobId);
    expect(running.json.data.status).toBe('processing');
    expect(running.json.data.startedAt).toEqual(expect.any(String));
    const cancelled = await client.cancel(jobId);
    expect(cancelled.status).toBe(200);
    const after = await client.job(jobId);
    expect(after.json.data.status).toBe('cancelled');
    expect(after.json.data.completedAt).toEqual(expect.any(String));
    expect(after.json.data.startedAt).toEqual(expect.any(String));
  },
  exa: async (harness) => {
    const client = exaClient(harness, 'exa_tolerance');
    const created = await client.createWebset({
      search: {
        query: 'Heads of revenue operations at B2B SaaS companies',
        count: 6,
        entity: { type: 'person' },
      },
      enrichments: [EMAIL],
      externalId: 'crm-list-tolerance',
    });
    expect(created.status).toBe(201);
    harness.clock.advance(600_000);
    const webset = await client.getWebset('crm-list-tolerance');
    expect(webset.json.externalId).toBe('crm-list-tolerance');
    expect(webset.json.enrichments).toHaveLength(1);
    const items = await client.listItems(created.json.id, { limit: 1 });
    expect(items.json.hasMore).toBe(true);
    expect(items.json.nextCursor).toEqual(expect.any(String));
    expect(items.json.data[0].enrichments).toEqual(expect.any(Array));
    const listed = await client.listWebsets({ limit: 1 });
    expect(listed.json.data[0].externalId).toBe('crm-list-tolerance');
  },
};

/**
 * True when `tolerant` says what `original` says: every value kept, only the additive field and nulls
 * for fields `original` leaves out added (any key order).
 */
function sameMeaning(original: unknown, tolerant: unknown, at = ''): string[] {
  if (Array.isArray(original))
    return Array.isArray(tolerant) && tolerant.length === original.length
      ? original.flatMap((value, index) => sameMeaning(value, tolerant[index], `${at}/${index}`))
      : [`${at}: array changed`];
  if (!isRecord(original))
    return Object.is(original, tolerant) ? [] : [`${at}: ${String(original)} became ${String(tolerant)}`];
  if (!isRecord(tolerant)) return [`${at}: object became ${String(tolerant)}`];
  const problems = Object.keys(original).flatMap((key) =>
    sameMeaning(original[key], tolerant[key], `${at}/${key}`),
  );
  for (const key of Object.keys(tolerant))
    if (!(key in original) && key !== ADDITIVE_FIELD && tolerant[key] !== null)
      problems.push(`${at}/${key}: added with a value`);
  return problems;
}

describe('client-tolerance never changes the meaning of a response', () => {
  it.each(Object.keys(flows))('%s: pages, states and set values survive tolerance', async (vendor) => {
    const harness = createHarness({ scenario: 'client-tolerance', seed: 1505 });
    await flows[vendor]?.(harness);
    const answers = harness.mock.journal.entries({ vendor: vendor as 'puffle' });
    expect(answers.filter((entry) => entry.response.status < 300).length).toBeGreaterThan(3);
    expect(answers.some((entry) => JSON.stringify(entry.response.body).includes(ADDITIVE_FIELD))).toBe(true);
  });

  it.each(Object.keys(flows))(
    '%s: every success answer of the default scenario keeps its values under tolerance',
    async (vendor) => {
      const harness = createHarness({ scenario: 'default', seed: 1506 });
      await flows[vendor]?.(harness);
      const tolerance = resolveBuiltinScenario('client-tolerance');
      const definition = createVendors().find((found) => found.vendor === vendor);
      if (!tolerance || !definition) throw new Error(`No client-tolerance scenario or vendor ${vendor}`);
      const index = createOperationIndex(definition.document);
      let checked = 0;
      for (const entry of harness.mock.journal.entries({ vendor: vendor as 'puffle' })) {
        const match = index.match(entry.request.method, entry.request.path);
        if (match.kind !== 'found' || entry.response.status >= 300) continue;
        const { body, status } = entry.response;
        const tolerant = applyTolerance(
          body,
          tolerance,
          match.operation,
          status,
          definition.document,
          entry.id,
        );
        expect(sameMeaning(body, tolerant), `${entry.request.method} ${entry.request.path}`).toEqual([]);
        checked += 1;
      }
      expect(checked).toBeGreaterThan(3);
    },
  );
});
