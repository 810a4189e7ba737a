import { afterEach, describe, expect, it } from 'vitest';
import type { EnrichmentMockOptions } from '../../src/mock/create-enrichment-mock.js';
import { openHarness, TRANSPORTS, type TransportHarness as Harness } from './mock-harness.js';

export type NeutralStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';

/**
 * How one vendor adapter speaks the shared lifecycle: each vendor's test file supplies a driver and the
 * suite runs the same cases through that vendor's own words (hono's `runTest({ newRouter })` pattern).
 */
export interface LifecycleDriver {
  vendor: 'puffle' | 'sendkit' | 'exa';
  /** A valid API key for tenant number `n` of the vendor. */
  apiKey(n: number): string;
  /** Starts a run over the tenant's default person leads; `undefined` id when refused, with the HTTP status. */
  start(harness: Harness, apiKey: string): Promise<{ status: number; id: string | undefined }>;
  /** The run's status in neutral words, or the HTTP status when it cannot be read. */
  status(harness: Harness, apiKey: string, id: string): Promise<NeutralStatus | number>;
  /** Cancels; `ok`, or the vendor's refusal in neutral words (`not_cancellable`, `status_changed`), or `not_found`. */
  cancel(
    harness: Harness,
    apiKey: string,
    id: string,
  ): Promise<'ok' | 'not_cancellable' | 'status_changed' | 'not_found'>;
  /** Whether the vendor tells a cancel race apart from a terminal run (Sendkit does not). */
  reportsStatusChanged: boolean;
  /** Whether the vendor's status words distinguish a failed run (Exa's do not). */
  reportsFailed: boolean;
  /** The HTTP status of a create whose worker cannot be dispatched (the run is created either way). */
  dispatchFailureStatus: number;
}

const TEN_MINUTES = 10 * 60_000;

/**
 * The lifecycle cases every vendor adapter must pass, through both transports: the in-process msw
 * handlers and the standalone server over a socket (every answer checked against the vendor's contract
 * by the driver's client).
 */
export function runLifecycleSuite(driver: LifecycleDriver): void {
  describe.each(TRANSPORTS)(`${driver.vendor}: shared lifecycle (%s)`, (transport) => {
    let opened: Awaited<ReturnType<typeof openHarness>> | undefined;
    afterEach(async () => opened?.close());
    const createHarness = async (options: Pick<EnrichmentMockOptions, 'scenario' | 'seed'>) =>
      (opened = await openHarness(transport, options));

    it('moves a run from pending through running to completed as the clock advances', async () => {
      const harness = await createHarness({ scenario: 'default', seed: 101 });
      const key = driver.apiKey(1);
      const { id } = await driver.start(harness, key);
      expect(id).toBeDefined();
      expect(await driver.status(harness, key, id as string)).toBe('pending');
      harness.clock.advance(1_100);
      expect(await driver.status(harness, key, id as string)).toBe('running');
      harness.clock.advance(TEN_MINUTES);
      expect(await driver.status(harness, key, id as string)).toBe('completed');
    });

    it('cancels a running run once, then refuses the second cancel as not cancellable', async () => {
      const harness = await createHarness({ scenario: 'default', seed: 102 });
      const key = driver.apiKey(2);
      const { id } = await driver.start(harness, key);
      harness.clock.advance(1_100);
      expect(await driver.cancel(harness, key, id as string)).toBe('ok');
      expect(await driver.status(harness, key, id as string)).toBe('cancelled');
      expect(await driver.cancel(harness, key, id as string)).toBe('not_cancellable');
      harness.clock.advance(TEN_MINUTES);
      expect(await driver.status(harness, key, id as string)).toBe('cancelled');
    });

    it('refuses to cancel a completed run', async () => {
      const harness = await createHarness({ scenario: 'happy-path-fast', seed: 103 });
      const key = driver.apiKey(3);
      const { id } = await driver.start(harness, key);
      harness.clock.advance(TEN_MINUTES);
      expect(await driver.status(harness, key, id as string)).toBe('completed');
      expect(await driver.cancel(harness, key, id as string)).toBe('not_cancellable');
    });

    it('answers a cancel inside the cancel-race window as status changed, and the run still completes', async () => {
      const harness = await createHarness({ scenario: 'cancel-race', seed: 104 });
      const key = driver.apiKey(4);
      const { id } = await driver.start(harness, key);
      const context = harness.runtime.context();
      const run = context?.simulator.allRuns().find((candidate) => candidate.tenant === key);
      expect(run).toBeDefined();
      harness.clock.set(run?.schedule.runEnd ?? 0);
      expect(await driver.cancel(harness, key, id as string)).toBe(
        driver.reportsStatusChanged ? 'status_changed' : 'not_cancellable',
      );
      expect(await driver.status(harness, key, id as string)).toBe('completed');
    });

    it("hides one tenant's run from another tenant", async () => {
      const harness = await createHarness({ scenario: 'default', seed: 105 });
      const { id } = await driver.start(harness, driver.apiKey(5));
      expect(await driver.status(harness, driver.apiKey(6), id as string)).toBe(404);
      expect(await driver.cancel(harness, driver.apiKey(6), id as string)).toBe('not_found');
    });

    it('records a dispatch failure as a failed run', async () => {
      const harness = await createHarness({ scenario: 'dispatch-failure', seed: 106 });
      const key = driver.apiKey(7);
      const started = await driver.start(harness, key);
      expect(started.status).toBe(driver.dispatchFailureStatus);
      expect(started.id).toBeDefined();
      const id = started.id ?? '';
      expect(await driver.status(harness, key, id)).toBe(driver.reportsFailed ? 'failed' : 'completed');
      expect(await driver.cancel(harness, key, id)).toBe('not_cancellable');
    });

    it('refuses a run the tenant cannot afford and creates nothing', async () => {
      const harness = await createHarness({ scenario: 'insufficient-credits', seed: 107 });
      const key = driver.apiKey(8);
      const started = await driver.start(harness, key);
      expect(started.status).toBe(402);
      expect(started.id).toBeUndefined();
      expect(harness.runtime.context()?.simulator.allRuns()).toEqual([]);
    });
  });
}
