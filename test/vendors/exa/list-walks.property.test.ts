import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attemptsNewestFirst,
  recordAttempt,
  type WebhookAttempt,
  type WebhookRecord,
} from '../../../src/vendors/exa/webhook-store.js';
import { createWebsetStore, type WebsetRecord } from '../../../src/vendors/exa/webset-store.js';
import { createTenant } from '../../../src/core/tenant.js';
import { createFakeData } from '../../../src/core/fake-data.js';
import { scenarioFixture } from '../../core/scenario-fixture.js';

const walked = <T>(walk: Iterable<T> | undefined): T[] | undefined =>
  walk === undefined ? undefined : [...walk];

/** A Webset with only what the store reads set meaningfully. */
function websetRecord(n: number, externalId: string | null): WebsetRecord {
  return {
    id: `webset_${n}`,
    externalId,
    title: null,
    list: {
      id: `list_${n}`,
      name: 'w',
      subject: 'person',
      size: 0,
      createdAt: 0,
      tag: `tag${n}`,
      seed: n,
      explicit: [],
      externalId,
      metadata: {},
    },
    itemPrefix: `witem_${n}`,
    search: null,
    excludes: [],
    enrichments: [],
    deletedItems: new Map(),
    metadata: {},
    createdAt: n,
    editedAt: n,
    deletedAt: null,
  };
}

describe('exa list walks', () => {
  it('find and list the live Websets newest first from any cursor, as a scan does', () => {
    const step = fc.oneof(
      fc.record({
        type: fc.constant('add' as const),
        externalId: fc.option(fc.constantFrom('crm-1', 'crm-2', 'webset_0', 'webset_3')),
      }),
      fc.record({ type: fc.constant('delete' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const own = createWebsetStore().of(
          createTenant('key', { scenario: scenarioFixture(), fake: createFakeData() }),
        );
        const all: WebsetRecord[] = [];
        for (const command of steps) {
          if (command.type === 'add') {
            // Creation refuses an externalId a live Webset answers to.
            if (command.externalId !== null && own.find(command.externalId)) continue;
            const webset = websetRecord(all.length, command.externalId);
            all.push(webset);
            own.add(webset);
          } else {
            const webset = all[command.pick % Math.max(1, all.length)];
            if (webset) webset.deletedAt = 1;
          }
          const live = all.filter((webset) => webset.deletedAt === null).reverse();
          expect(walked(own.newestFirst(undefined))).toEqual(live);
          for (const webset of all) {
            const at = live.indexOf(webset);
            expect(walked(own.newestFirst(webset.id))).toEqual(at < 0 ? undefined : live.slice(at + 1));
          }
          for (const reference of ['crm-1', 'crm-2', 'webset_0', 'webset_1', 'webset_3', 'webset_9'])
            expect(own.find(reference)).toBe(
              all.find(
                (webset) =>
                  webset.deletedAt === null && (webset.id === reference || webset.externalId === reference),
              ),
            );
        }
      }),
      { numRuns: 150 },
    );
  });

  it("list a Webhook's attempts newest first, filtered, from any cursor, as sorting them all does", () => {
    const attempt = fc.record({
      after: fc.constantFrom(0, 0, 1_000, -1_000),
      type: fc.constantFrom('webset.idle' as const, 'webset.created' as const),
      successful: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 20 }), fc.boolean(), (made, onlySuccessful) => {
        const webhook: WebhookRecord = {
          id: 'webhook_1',
          secret: 's',
          versions: [{ from: 0, events: ['webset.idle'], url: 'https://example.com' }],
          metadata: {},
          createdAt: 0,
          updatedAt: 0,
          deletedAt: null,
          attempts: [],
          attemptsById: new Map(),
          ledger: new Map(),
        };
        const pushed: WebhookAttempt[] = [];
        let t = Date.parse('2026-01-05T09:00:00Z');
        made.forEach((spec, i) => {
          t += spec.after;
          const record: WebhookAttempt = {
            id: `wattempt_${i}`,
            object: 'webhook_attempt',
            eventId: `event_${i}`,
            eventType: spec.type,
            webhookId: webhook.id,
            url: 'https://example.com',
            successful: spec.successful,
            responseHeaders: {},
            responseBody: null,
            responseStatusCode: spec.successful ? 200 : 500,
            attempt: 1,
            attemptedAt: new Date(t).toISOString(),
          };
          pushed.push(record);
          recordAttempt(webhook, record);
        });
        const matches = (a: WebhookAttempt): boolean => !onlySuccessful || a.successful;
        // The listing as it was made before the index: reversed, then a stable sort, newest first.
        const want = [...pushed]
          .reverse()
          .sort((a, b) => Date.parse(b.attemptedAt) - Date.parse(a.attemptedAt))
          .filter(matches);
        expect(walked(attemptsNewestFirst(webhook, undefined, matches))).toEqual(want);
        for (const cursor of pushed) {
          const at = want.indexOf(cursor);
          expect(walked(attemptsNewestFirst(webhook, cursor.id, matches))).toEqual(
            at < 0 ? undefined : want.slice(at + 1),
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
