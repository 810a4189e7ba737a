import { METHODS } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyStats, formatOutcomes, formatStats, fuzz, type FuzzStats } from './support/fuzz-runner.js';
import { createIdPool, harvested } from './support/id-pool.js';
import { createRequestPlans, type FuzzRequest } from './support/request-plan.js';
import { startHardeningServer, type HardeningServer } from './support/test-server.js';
import { reportStats } from './support/vendor-fuzz-suite.js';
import { call, FIXTURES } from './support/vendor-fixtures.js';
import { ADMIN, ADMIN_TOKEN, EXA, PUFFLE, SENDKIT } from './support/vendor-targets.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON freely
type Json = any;

const SEED = 0xad_0000;
const ADMIN_AUTH = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** Methods node's HTTP parser refuses before any application code sees them: not the mock's to answer. */
const unsendable = (request: FuzzRequest): string | undefined =>
  METHODS.includes(request.method.toUpperCase()) ? undefined : 'skipped: a method token node will not send';

const scenarioNames = fc.constantFrom(
  'default',
  'happy-path-fast',
  'empty-scopes',
  'client-tolerance',
  'partial-failures',
  'no-such-scenario',
);
const tenantKeys = fc.constantFrom('pk_live_admin_a', 'sk_admin_b', 'exa_admin_c', 'pk_live_victim');

const totals: FuzzStats = emptyStats();
afterAll(() =>
  reportStats(
    formatStats('server (control API and vendors through express)', totals),
    formatOutcomes(totals),
  ),
);

describe('control API under fuzz (the express app on 127.0.0.1:0, admin token required)', () => {
  let server: HardeningServer;
  const pool = createIdPool();
  beforeAll(async () => {
    server = await startHardeningServer({ seed: SEED, adminToken: ADMIN_TOKEN });
    // Vendor traffic first, so runs, tenants and the journal have something in them.
    await FIXTURES.puffle(
      { runtime: server.runtime, advance: (ms) => server.clock.advance(ms) },
      server.send,
    );
  });
  afterAll(() => server.close());

  const plans = createRequestPlans(ADMIN, {
    hints: {
      key: tenantKeys,
      tenant: tenantKeys,
      scenario: scenarioNames,
      name: scenarioNames,
      ms: fc.integer({ min: 0, max: 3_600_000 }),
      to: fc
        .date({
          min: new Date('2026-01-05T09:00:00Z'),
          max: new Date('2026-02-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString()),
      cursor: harvested(),
    },
  });

  for (const [offset, operation] of plans.operations.entries()) {
    const seed = SEED + offset;
    it(`${operation.id} (${operation.method} ${operation.path}) answers within admin.yaml, never 5xx [seed ${seed}]`, async () => {
      await fuzz({
        target: ADMIN,
        send: server.send,
        plans: plans.for(operation.id),
        pool,
        seed,
        numRuns: 30,
        stats: totals,
        skip: unsendable,
      });
    });
  }

  it(`answers unknown /__admin paths with 404 and unserved methods with 405 and Allow, as AdminError [seed ${SEED + 100}]`, async () => {
    await fuzz({
      target: ADMIN,
      send: server.send,
      plans: plans.unrouted,
      pool,
      seed: SEED + 100,
      numRuns: 80,
      stats: totals,
      skip: unsendable,
    });
  });

  it('still answers health and vendor calls after the batch', async () => {
    expect((await call(server.send, 'GET', '/__admin/health', ADMIN_AUTH)).status).toBe(200);
    const catalog = await call(server.send, 'GET', '/api/enrichments', {
      authorization: 'Bearer pk_live_after',
      'x-mock-scenario': 'default',
    });
    expect(catalog.status, catalog.text).toBe(200);
  });
});

describe('vendors through the express app', () => {
  for (const [offset, target] of [PUFFLE, SENDKIT, EXA].entries()) {
    const seed = SEED + 300 + offset;
    it(`${target.name}: answers generated and mutated requests within its contract and leaves the victim's state as it was [seed ${seed}]`, async () => {
      const server = await startHardeningServer({ seed });
      try {
        const fixture = await FIXTURES[target.name](
          { runtime: server.runtime, advance: (ms) => server.clock.advance(ms) },
          server.send,
        );
        const before = await fixture.victimState();
        const plans = createRequestPlans(target, {
          hints: fixture.hints,
          ...(fixture.bodies ? { bodies: fixture.bodies } : {}),
        });
        await fuzz({
          target,
          send: server.send,
          plans: plans.any,
          pool: fixture.pool,
          seed,
          numRuns: 120,
          stats: totals,
          skip: unsendable,
        });
        expect(await fixture.victimState()).toEqual(before);
      } finally {
        await server.close();
      }
    });
  }
});

describe('server: hostile input that must not break it', () => {
  const deep = new TextEncoder().encode(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
  const json = { 'content-type': 'application/json' };

  it('refuses a clock advance past the last instant a Date can show, and keeps serving', async () => {
    const server = await startHardeningServer({ seed: SEED + 400, adminToken: ADMIN_TOKEN });
    try {
      for (const ms of [1e308, 2 ** 64, 8.64e15]) {
        const answer = await call(server.send, 'POST', '/__admin/clock/advance', ADMIN_AUTH, { ms });
        expect([400, 409], `ms ${ms}: ${answer.status} ${answer.text}`).toContain(answer.status);
      }
      expect((await call(server.send, 'GET', '/__admin/clock', ADMIN_AUTH)).status).toBe(200);
      expect(
        (await call(server.send, 'GET', '/api/enrichments', { authorization: 'Bearer pk_live_after' }))
          .status,
      ).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('keeps GET /__admin/journal (JSON and HAR) working after a request with a body nested 10,000 levels deep', async () => {
    const server = await startHardeningServer({ seed: SEED + 401, adminToken: ADMIN_TOKEN });
    try {
      const outcome = await server.send({
        method: 'POST',
        target: '/api/enrichment',
        headers: { ...json, authorization: 'Bearer pk_live_deep' },
        body: deep,
        scenario: undefined,
        label: 'deep',
      });
      expect(outcome.kind).toBe('answer');
      for (const format of ['json', 'har']) {
        const answer = await call(server.send, 'GET', `/__admin/journal?format=${format}`, ADMIN_AUTH);
        expect(answer.status, `${format}: ${answer.text.slice(0, 200)}`).toBe(200);
      }
    } finally {
      await server.close();
    }
  });

  it("answers a method the server does not route (PROPFIND) with the API's own 405 and the path's Allow", async () => {
    const server = await startHardeningServer({ seed: SEED + 402 });
    try {
      const cases = [
        { target: '/api/enrichments', allow: 'GET', shape: (body: Json) => typeof body?.code === 'string' },
        { target: '/v1/leads', allow: 'GET', shape: (body: Json) => body?.success === false },
        {
          target: '/websets/v0/websets',
          allow: 'GET, POST',
          shape: (body: Json) => typeof body?.tag === 'string',
        },
        {
          target: '/__admin/health',
          allow: 'GET',
          shape: (body: Json) => typeof body?.error?.code === 'string',
        },
      ];
      for (const { target, allow, shape } of cases) {
        const answer = await call(server.send, 'PROPFIND', target, {});
        expect(answer.status, target).toBe(405);
        expect(answer.headers.get('allow'), target).toBe(allow);
        expect(shape(answer.json), `${target}: ${answer.text}`).toBe(true);
      }
    } finally {
      await server.close();
    }
  });

  it('answers malformed percent-encoding in a vendor path with a 404, not a 500', async () => {
    const server = await startHardeningServer({ seed: SEED + 403 });
    try {
      for (const target of ['/api/enrichment/%zz', '/v1/enrichment/jobs/%E0%A4%A', '/websets/v0/websets/%']) {
        const answer = await call(server.send, 'GET', target, {
          authorization: 'Bearer pk_live_x',
          'x-api-key': 'sk_x',
        });
        expect(answer.status, `${target}: ${answer.text}`).toBe(404);
      }
    } finally {
      await server.close();
    }
  });

  it('answers a body nested 10,000 levels deep with a 400, not a 500', async () => {
    const server = await startHardeningServer({ seed: SEED + 404 });
    try {
      const outcome = await server.send({
        method: 'POST',
        target: '/websets/v0/websets',
        headers: { ...json, 'x-api-key': 'exa_deep' },
        body: deep,
        scenario: undefined,
        label: 'deep',
      });
      expect(outcome.kind === 'answer' ? outcome.answer.status : outcome.kind).toBe(400);
    } finally {
      await server.close();
    }
  });
});
