import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { PREFLIGHT_HEADER } from '../../src/adapter/transport-fault.js';
import { createVendorHandler } from '../../src/adapter/vendor-handler.js';
import { createVirtualClock } from '../../src/core/clock.js';
import { createRuntime } from '../../src/runtime/mock-runtime.js';
import type { FaultRule } from '../../src/scenario/types.js';
import { createPuffleVendor } from '../../src/vendors/puffle/puffle-vendor.js';
import { scenarioWithFaults } from '../support/scenario-variants.js';

const LIST = 'http://127.0.0.1:4010/api/enrichments';
const AUTH = { authorization: 'Bearer pk_live_preflight' };

/** A Puffle handler over the default scenario plus `faults`, as the server (upstream) or in process. */
function puffleHandler(faults: FaultRule[], upstream: boolean) {
  const scenario = scenarioWithFaults('preflight', faults);
  const runtime = createRuntime({
    scenario,
    resolveScenario: () => undefined,
    clock: createVirtualClock(scenario.startAtMs),
  });
  const vendor = createVendorHandler(createPuffleVendor(), runtime, {
    origin: '*',
    upstream,
    journal: false,
  });
  return {
    ...vendor,
    /** What the server's express layer does first: classify the list request and decide its faults. */
    decide: () =>
      vendor.preflight(
        { method: 'GET', url: new URL(LIST), headers: new Headers(AUTH) },
        runtime.clock.now(),
      ),
    /** The list request through msw, naming `token` in the preflight header. */
    send: async (token: string) => {
      const request = new Request(LIST, { headers: { ...AUTH, [PREFLIGHT_HEADER]: token } });
      const response = await getResponse([vendor.handler], request);
      if (!response) throw new Error('The Puffle handler did not answer the list request.');
      return response;
    },
  };
}

const FIRST_CALL_503: FaultRule = {
  name: 'first-call-503',
  match: { vendor: 'puffle', nth: [1] },
  effect: { type: 'status', status: 503 },
};

describe('vendor handler behind the server: one classification per request', () => {
  it('answers with the decision the server made, without counting the call again', async () => {
    const puffle = puffleHandler([FIRST_CALL_503], true);
    const first = puffle.decide();
    expect(first).toMatchObject({ operationId: 'puffleListEnrichments', tenant: 'pk_live_preflight' });
    expect(first.effects).toEqual([{ type: 'status', status: 503, rule: 'first-call-503' }]);
    expect((await puffle.send(first.token)).status).toBe(503);
    const second = puffle.decide();
    expect(second.effects).toEqual([]);
    expect((await puffle.send(second.token)).status).toBe(200);
  });

  it('leaves latency and transport faults to the server', async () => {
    const puffle = puffleHandler(
      [
        { name: 'slow', match: { vendor: 'puffle' }, effect: { type: 'latency', ms: 600_000 } },
        { name: 'reset', match: { vendor: 'puffle' }, effect: { type: 'reset' } },
      ],
      true,
    );
    const decided = puffle.decide();
    expect(decided.effects.map((effect) => effect.type).sort()).toEqual(['latency', 'reset']);
    // Ten minutes of latency or a reset here would time the test out or fail the fetch.
    const response = await puffle.send(decided.token);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { enrichments: unknown[] }).enrichments.length).toBeGreaterThan(0);
  });

  it('classifies afresh when the decision was released or never made', async () => {
    const puffle = puffleHandler([FIRST_CALL_503], true);
    const decided = puffle.decide();
    puffle.release(decided.token);
    expect((await puffle.send(decided.token)).status).toBe(200);
    expect((await puffle.send('no-such-token')).status).toBe(200);
  });

  it('ignores the preflight header in process', async () => {
    const puffle = puffleHandler([FIRST_CALL_503], false);
    const decided = puffle.decide();
    expect(decided.effects).toHaveLength(1);
    expect((await puffle.send(decided.token)).status).toBe(200);
  });
});
