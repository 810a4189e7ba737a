import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarios, loadScenario } from '../../src/index.js';
import { DEFAULT_WEBHOOK_MODEL } from '../../src/scenario/defaults.js';

/** Loads a scenario file written on the fly. */
function loadText(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'webhooks-scenario-'));
  writeFileSync(join(dir, 'hooks.yaml'), text);
  return loadScenario(join(dir, 'hooks.yaml'));
}

describe('scenario: webhooks', () => {
  it('gives every scenario the default delivery: on time, once, in order, 5 s timeout, five attempts', () => {
    const loaded = loadScenario('default');
    if (!loaded.ok) expect.fail('default loads');
    expect(loaded.scenario.webhooks).toEqual(DEFAULT_WEBHOOK_MODEL);
    expect(DEFAULT_WEBHOOK_MODEL).toEqual({
      delayMs: 0,
      duplicate: 0,
      reorderWindowMs: 0,
      timeoutMs: 5_000,
      retryScheduleMs: [0, 10_000, 30_000, 120_000, 600_000],
    });
  });

  it('ships webhook-chaos: late, duplicated and reordered deliveries', () => {
    expect(listScenarios().find((scenario) => scenario.name === 'webhook-chaos')?.description).toMatch(
      /^Webhook deliveries arrive late, out of order/,
    );
    const loaded = loadScenario('webhook-chaos');
    if (!loaded.ok) expect.fail('webhook-chaos loads');
    expect(loaded.scenario.webhooks).toEqual({
      ...DEFAULT_WEBHOOK_MODEL,
      delayMs: 2_000,
      duplicate: 0.3,
      reorderWindowMs: 30_000,
    });
  });

  it.each([
    ['reorder: true', 30_000],
    ['reorder: false', 0],
    ['reorder: 5s', 5_000],
  ])('reads %s as a reorder window of %s ms', (line, window) => {
    const loaded = loadText(`description: Reorder.\nwebhooks:\n  ${line}\n`);
    if (!loaded.ok) expect.fail(JSON.stringify(loaded.problems));
    expect(loaded.scenario.webhooks?.reorderWindowMs).toBe(window);
  });

  it('replaces the retry schedule whole and keeps the rest inherited', () => {
    const loaded = loadText(
      'description: Two tries.\nextends: webhook-chaos\nwebhooks:\n  retrySchedule: [1s, 1m]\n',
    );
    if (!loaded.ok) expect.fail(JSON.stringify(loaded.problems));
    expect(loaded.scenario.webhooks).toMatchObject({ delayMs: 2_000, retryScheduleMs: [1_000, 60_000] });
  });

  it.each([
    [
      'a retry schedule out of order',
      'retrySchedule: [0s, 30s, 10s]',
      'webhooks.retrySchedule[2]',
      'ascending',
    ],
    ['an empty retry schedule', 'retrySchedule: []', 'webhooks.retrySchedule', ''],
    ['a zero timeout', 'timeout: 0s', 'webhooks.timeout', 'longer than 0'],
    ['a duplicate share above 1', 'duplicate: 1.5', 'webhooks.duplicate', ''],
    [
      'a reorder that is neither a flag nor a duration',
      'reorder: sometimes',
      'webhooks.reorder',
      'true, false',
    ],
    ['an unknown setting', 'jitter: 2s', 'webhooks.jitter', ''],
  ])('refuses %s, naming where', (_case, line, path, fragment) => {
    const loaded = loadText(`description: Broken.\nwebhooks:\n  ${line}\n`);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems).toContainEqual(
      expect.objectContaining({ path, message: expect.stringContaining(fragment) }),
    );
  });
});
