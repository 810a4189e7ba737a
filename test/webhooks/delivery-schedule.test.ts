import { describe, expect, it } from 'vitest';
import { DEFAULT_WEBHOOK_MODEL } from '../../src/scenario/defaults.js';
import type { WebhookModel } from '../../src/scenario/types.js';
import { attemptDueAt, DUPLICATE_LAG_MS, plannedCopies } from '../../src/webhooks/delivery-schedule.js';

const policy = (change: Partial<WebhookModel> = {}): WebhookModel => ({
  ...DEFAULT_WEBHOOK_MODEL,
  ...change,
});
const event = (index: number) => ({ id: `event_${index}`, at: 1_000 + index });

describe('plannedCopies', () => {
  it.each<[string, Partial<WebhookModel>, number]>([
    ['releases a delivery at its event by default', {}, 1_000],
    ['releases it `delay` later', { delayMs: 2_000 }, 3_000],
  ])('%s', (_case, change, releaseAt) => {
    expect(plannedCopies(1, policy(change), 'webhook_a', { id: 'event_a', at: 1_000 })).toEqual([
      { copy: 0, releaseAt },
    ]);
  });

  it('holds each delivery back within the reorder window, differently per event, the same per seed', () => {
    const rules = policy({ reorderWindowMs: 30_000 });
    const holds = Array.from({ length: 200 }, (_, i) => {
      const [planned] = plannedCopies(7, rules, 'webhook_a', event(i));
      return (planned?.releaseAt ?? 0) - event(i).at;
    });
    expect(Math.min(...holds)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...holds)).toBeLessThan(30_000);
    expect(new Set(holds).size).toBeGreaterThan(150);
    expect(plannedCopies(7, rules, 'webhook_a', event(3))).toEqual(
      plannedCopies(7, rules, 'webhook_a', event(3)),
    );
    expect(plannedCopies(8, rules, 'webhook_a', event(3))).not.toEqual(
      plannedCopies(7, rules, 'webhook_a', event(3)),
    );
  });

  it('duplicates about the share `duplicate` asks for, the copy up to 10 s after the original', () => {
    const rules = policy({ duplicate: 0.25 });
    const plans = Array.from({ length: 2_000 }, (_, i) => plannedCopies(3, rules, 'webhook_a', event(i)));
    const copies = plans.filter((plan) => plan.length === 2);
    expect(copies.length / plans.length).toBeGreaterThan(0.22);
    expect(copies.length / plans.length).toBeLessThan(0.28);
    for (const [original, copy] of copies) {
      expect(copy?.copy).toBe(1);
      const lag = (copy?.releaseAt ?? 0) - (original?.releaseAt ?? 0);
      expect(lag).toBeGreaterThanOrEqual(0);
      expect(lag).toBeLessThan(DUPLICATE_LAG_MS);
    }
  });

  it.each([0, 1])('duplicates never at 0 and always at 1 (duplicate %s)', (duplicate) => {
    const plans = Array.from({ length: 50 }, (_, i) =>
      plannedCopies(3, policy({ duplicate }), 'webhook_a', event(i)),
    );
    expect(plans.every((plan) => plan.length === 1 + duplicate)).toBe(true);
  });

  it('draws per webhook: two webhooks of one event are held back differently', () => {
    const rules = policy({ reorderWindowMs: 30_000 });
    expect(plannedCopies(1, rules, 'webhook_a', event(1))).not.toEqual(
      plannedCopies(1, rules, 'webhook_b', event(1)),
    );
  });
});

describe('attemptDueAt', () => {
  const schedule = DEFAULT_WEBHOOK_MODEL.retryScheduleMs;
  it.each([
    [1, 5_000],
    [2, 15_000],
    [3, 35_000],
    [4, 125_000],
    [5, 605_000],
    [6, null],
  ])('puts attempt %s of a delivery released at 5 s at %s', (attempt, due) => {
    expect(attemptDueAt(5_000, schedule, attempt)).toBe(due);
  });

  it('uses 0 s, 10 s, 30 s, 2 m and 10 m by default', () => {
    expect(schedule).toEqual([0, 10_000, 30_000, 120_000, 600_000]);
  });
});
