import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../src/core/simulator.js';
import { createEventIndex, type EventQuery } from '../../../src/vendors/exa/event-index.js';
import { websetEvents, type EventEntry } from '../../../src/vendors/exa/event-log.js';
import { paginate } from '../../../src/vendors/exa/paginate.js';
import { createWebsetStore, type TenantWebsets } from '../../../src/vendors/exa/webset-store.js';
import { fixedTiming } from '../../core/scenario-fixture.js';
import { moveTo, runRequest, simulatorFixture, startRun } from '../../core/simulator-fixture.js';

/**
 * One command of a random history, `after` ms after the previous one (often 0: commands at one instant,
 * whose events tie on their instant). An Enrichment whose dispatch fails ends its items at its creation.
 */
type Command =
  | { type: 'webset'; after: number; size: number; search: boolean }
  | { type: 'enrich'; after: number; pick: number; dispatchFails: boolean }
  | {
      type: 'cancel' | 'delete-enrichment' | 'delete-item' | 'delete-webset';
      after: number;
      pick: number;
    };

const after = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3_000 }));
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    type: fc.constant('webset' as const),
    after,
    size: fc.integer({ min: 0, max: 6 }),
    search: fc.boolean(),
  }),
  fc.record({ type: fc.constant('enrich' as const), after, pick: fc.nat(), dispatchFails: fc.boolean() }),
  fc.record({
    type: fc.constantFrom(
      'cancel' as const,
      'delete-enrichment' as const,
      'delete-item' as const,
      'delete-webset' as const,
    ),
    after,
    pick: fc.nat(),
  }),
);

/** A list request: the index's filter, and the page asked for (the cursor, an event id, and the limit). */
type ListQuery = EventQuery & { cursor: string | undefined; limit: number | undefined };

const query: fc.Arbitrary<ListQuery> = fc.record({
  types: fc.option(
    fc
      .subarray(['webset.created', 'webset.item.created', 'webset.item.enriched', 'webset.idle'])
      .map((types) => new Set(types)),
  ),
  after: fc.oneof(fc.constant(-Infinity), fc.integer({ min: 0, max: 20_000 })),
  before: fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 20_000 })),
  cursor: fc.constant(undefined),
  limit: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
});

function apply(sim: Simulator, own: TenantWebsets, step: Command): void {
  const now = sim.now();
  const { websets } = own;
  if (step.type === 'webset') {
    const list = sim.createList('key_exa', { name: 'w', subject: 'person', size: step.size });
    const id = `webset_${websets.length}`;
    own.add({
      id,
      externalId: null,
      title: null,
      list,
      itemPrefix: `witem_${websets.length}`,
      search: step.search
        ? {
            id: `search_${id}`,
            query: 'q',
            entity: 'person',
            criteria: [],
            count: step.size,
            maxPeoplePerCompany: null,
            recall: false,
            exclude: [],
            scope: [],
          }
        : null,
      excludes: [],
      enrichments: [],
      deletedItems: new Map(),
      metadata: {},
      createdAt: now,
      editedAt: now,
      deletedAt: null,
    });
    return;
  }
  const webset = websets[step.pick % Math.max(1, websets.length)];
  if (!webset || webset.deletedAt !== null) return;
  // As `findWebset` does for every command naming a Webset.
  own.touch(webset);
  const enrichment = webset.enrichments[step.pick % Math.max(1, webset.enrichments.length)];
  switch (step.type) {
    case 'enrich':
      webset.enrichments.push({
        id: `enrichment_${webset.enrichments.length}`,
        websetId: webset.id,
        run:
          webset.list.size === 0
            ? null
            : startRun(
                sim,
                'key_exa',
                runRequest({
                  vendor: 'exa',
                  scope: { type: 'list', listId: webset.list.id },
                  ...(step.dispatchFails ? { dispatchFailure: 'dispatch failed' } : {}),
                }),
              ),
        createdAt: now,
        versions: [{ from: now, description: 'd', format: 'text', options: null, metadata: {} }],
        deletedAt: null,
      });
      return;
    case 'cancel':
      if (enrichment?.run) sim.cancelRun('key_exa', enrichment.run.id, 'exa');
      return;
    case 'delete-enrichment':
      if (enrichment && enrichment.deletedAt === null) enrichment.deletedAt = now;
      return;
    case 'delete-item':
      if (webset.list.size > 0) webset.deletedItems.set(step.pick % webset.list.size, now);
      return;
    case 'delete-webset':
      webset.deletedAt = now;
  }
}

/** The brute force: every event of every Webset up to `now`, oldest first (ties in Webset order). */
const eventTimeline = (websets: TenantWebsets['websets'], now: number): EventEntry[] =>
  websets.flatMap((webset) => websetEvents(webset, now)).sort((a, b) => a.at - b.at);

/** The page the brute force gives: every event derived at `now`, newest first, filtered, then cut. */
function brutePage(
  websets: TenantWebsets['websets'],
  now: number,
  q: ListQuery,
): { ids: string[]; hasMore: boolean } {
  const all = eventTimeline(websets, now)
    .reverse()
    .filter(
      (e: EventEntry) => (q.types === null || q.types.has(e.type)) && e.at >= q.after && e.at <= q.before,
    );
  const from = q.cursor === undefined ? 0 : all.findIndex((e) => e.id === q.cursor) + 1;
  const limit = q.limit ?? all.length;
  return { ids: all.slice(from, from + limit).map((e) => e.id), hasMore: all.length > from + limit };
}

describe('exa event index', () => {
  it('lists the same events as deriving them all at the instant asked, patched command by command, on random histories', () => {
    fc.assert(
      fc.property(
        fc.array(command, { maxLength: 14 }),
        fc.array(query, { minLength: 1, maxLength: 3 }),
        (commands, queries) => {
          const { sim, clock, scenario } = simulatorFixture({
            seed: 1_602,
            timing: {
              default: fixedTiming({
                concurrency: 2,
                itemDuration: { type: 'lognormal', medianMs: 900, sigma: 1, maxMs: 4_000 },
              }),
            },
          });
          const index = createEventIndex();
          const own = createWebsetStore().of(sim.tenant('key_exa'));
          const { websets } = own;
          for (const step of commands) {
            moveTo(clock, clock.now() + step.after);
            apply(sim, own, step);
            // Reads at several later instants, between commands, reuse the index made at the first.
            for (const offset of [0, 700, 5_000]) {
              const now = clock.now() + offset;
              expect(index.until(own, now)).toEqual(eventTimeline(websets, now));
              for (const q of queries) {
                const relative = {
                  ...q,
                  after: q.after + scenario.startAtMs,
                  before: q.before + scenario.startAtMs,
                };
                const walk = index.walk(own, now, relative);
                const page = paginate(walk, (e) => e.id, relative.cursor, relative.limit);
                const want = brutePage(websets, now, relative);
                expect(page.ok && { ids: page.data.map((e) => e.id), hasMore: page.hasMore }).toEqual(want);
                // The next page, from the first page's last event.
                const cursor = want.ids.at(-1);
                if (cursor === undefined) continue;
                const next = paginate(walk, (e) => e.id, cursor, relative.limit);
                const wantNext = brutePage(websets, now, { ...relative, cursor });
                expect(next.ok && { ids: next.data.map((e) => e.id), hasMore: next.hasMore }).toEqual(
                  wantNext,
                );
              }
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
