import { describe, expect, it } from 'vitest';
import { generatedLeadId } from '../../src/core/lead-list.js';
import { enrichmentFixture, listFixture, START, tenantFixture } from './scenario-fixture.js';
import { moveTo, runRequest, simulatorFixture, startRun } from './simulator-fixture.js';

const companyEnrichment = enrichmentFixture({
  slug: 'company-about',
  subject: 'company',
  outputAttribute: 'about',
});

describe('startRuns refusals', () => {
  it.each([
    {
      name: 'an unknown list',
      request: runRequest({ scope: { type: 'list', listId: 'list_nope' } }),
      want: { code: 'unknown_list', listId: 'list_nope' },
    },
    {
      name: 'an unknown list next to named leads',
      request: runRequest({ scope: { type: 'leads', leadIds: ['x'], listId: 'list_nope' } }),
      want: { code: 'unknown_list', listId: 'list_nope' },
    },
    {
      name: 'an empty list',
      request: runRequest({ scope: { type: 'list', listId: 'list_empty' } }),
      want: { code: 'empty_scope' },
    },
    {
      name: 'no lead ids',
      request: runRequest({ scope: { type: 'leads', leadIds: [] } }),
      want: { code: 'empty_scope' },
    },
    {
      name: 'unknown lead ids',
      request: runRequest({ scope: { type: 'leads', leadIds: ['lead_nope', '000000000000000000000000'] } }),
      want: { code: 'unknown_leads', leadIds: ['lead_nope', '000000000000000000000000'] },
    },
    {
      name: 'a person enrichment over a company list',
      request: runRequest({ scope: { type: 'list', listId: 'list_companies' } }),
      want: { code: 'subject_mismatch', expected: 'person', found: 'company' },
    },
    {
      name: 'a company enrichment over a person list',
      request: runRequest({ enrichment: companyEnrichment, outputAttribute: 'about' }),
      want: { code: 'subject_mismatch', expected: 'company', found: 'person' },
    },
  ])('refuses $name and creates nothing', ({ request, want }) => {
    const { sim } = simulatorFixture({ seed: 201 });
    expect(sim.startRuns('key_a', [request])).toEqual({ ok: false, error: want });
    expect(sim.tenant('key_a').runs.size).toBe(0);
    expect(sim.tenant('key_a').credits).toBe(1_000);
  });

  it('refuses lead ids of the right shape that name no lead of this tenant', () => {
    const { sim } = simulatorFixture({ seed: 202 });
    const list = sim.tenant('key_a').listsById.get('list_people');
    if (!list) expect.fail('fixture list missing');
    const real = generatedLeadId(list, 3);
    const pastTheEnd = generatedLeadId(list, 20);
    const otherSecond = `${'0'.repeat(8)}${real.slice(8)}`;
    expect(
      sim.startRuns('key_a', [
        runRequest({ scope: { type: 'leads', leadIds: [real, pastTheEnd, otherSecond] } }),
      ]),
    ).toEqual({
      ok: false,
      error: { code: 'unknown_leads', leadIds: [pastTheEnd, otherSecond] },
    });
    expect(sim.startRuns('key_b', [runRequest({ scope: { type: 'leads', leadIds: [real] } })])).toEqual({
      ok: false,
      error: { code: 'unknown_leads', leadIds: [real] },
    });
  });

  it('refuses a subject mismatch among named leads', () => {
    const { sim } = simulatorFixture({ seed: 203 });
    const people = sim.tenant('key_a').listsById.get('list_people');
    const companies = sim.tenant('key_a').listsById.get('list_companies');
    if (!people || !companies) expect.fail('fixture lists missing');
    const leadIds = [generatedLeadId(people, 0), generatedLeadId(companies, 0)];
    expect(sim.startRuns('key_a', [runRequest({ scope: { type: 'leads', leadIds } })])).toEqual({
      ok: false,
      error: { code: 'subject_mismatch', expected: 'person', found: 'company' },
    });
  });

  it('refuses a run the balance cannot pay for, reporting required and balance', () => {
    const { sim } = simulatorFixture({ seed: 204, world: { defaults: tenantFixture({ credits: 19 }) } });
    expect(sim.startRuns('key_a', [runRequest()])).toEqual({
      ok: false,
      error: { code: 'insufficient_credits', required: 20, balance: 19 },
    });
    expect(sim.tenant('key_a').runs.size).toBe(0);
    expect(sim.tenant('key_a').credits).toBe(19);
  });

  it('starts a run that costs exactly the balance', () => {
    const { sim } = simulatorFixture({ seed: 205, world: { defaults: tenantFixture({ credits: 20 }) } });
    startRun(sim, 'key_a');
    expect(sim.tenant('key_a').credits).toBe(0);
  });

  it('starts a batch all or none: one refused request creates and charges nothing', () => {
    const { sim } = simulatorFixture({ seed: 206 });
    const batch = [runRequest(), runRequest({ scope: { type: 'list', listId: 'list_nope' } })];
    expect(sim.startRuns('key_a', batch)).toEqual({
      ok: false,
      error: { code: 'unknown_list', listId: 'list_nope' },
    });
    expect(sim.tenant('key_a').runs.size).toBe(0);
    expect(sim.tenant('key_a').credits).toBe(1_000);
  });

  it('refuses a batch whose total cost exceeds the balance even when each run would fit', () => {
    const { sim } = simulatorFixture({ seed: 207, world: { defaults: tenantFixture({ credits: 30 }) } });
    expect(sim.startRuns('key_a', [runRequest(), runRequest()])).toEqual({
      ok: false,
      error: { code: 'insufficient_credits', required: 40, balance: 30 },
    });
  });

  it('does not count a dispatch failure against the balance', () => {
    const { sim } = simulatorFixture({ seed: 208, world: { defaults: tenantFixture({ credits: 20 }) } });
    const started = sim.startRuns('key_a', [runRequest(), runRequest({ dispatchFailure: 'Queue full' })]);
    expect(started.ok).toBe(true);
    expect(sim.tenant('key_a').credits).toBe(0);
  });

  it('counts each named lead once', () => {
    const { sim } = simulatorFixture({ seed: 209 });
    const list = sim.tenant('key_a').listsById.get('list_people');
    if (!list) expect.fail('fixture list missing');
    const id = generatedLeadId(list, 4);
    const run = startRun(
      sim,
      'key_a',
      runRequest({ scope: { type: 'leads', leadIds: [id, id, generatedLeadId(list, 5)] } }),
    );
    expect(run.size).toBe(2);
    expect(run.creditsCharged).toBe(2);
  });
});

describe('preview', () => {
  it('prices a run without charging or creating anything', () => {
    const { sim } = simulatorFixture({ seed: 210, world: { defaults: tenantFixture({ credits: 5 }) } });
    expect(sim.preview('key_a', runRequest())).toEqual({ ok: true, leadCount: 20, cost: 20, balance: 5 });
    expect(sim.tenant('key_a').credits).toBe(5);
    expect(sim.tenant('key_a').runs.size).toBe(0);
  });

  it('reports the same refusals as startRuns', () => {
    const { sim } = simulatorFixture({ seed: 211 });
    expect(sim.preview('key_a', runRequest({ scope: { type: 'list', listId: 'list_empty' } }))).toEqual({
      ok: false,
      error: { code: 'empty_scope' },
    });
  });
});

describe('tenants', () => {
  it('gives each API key its own world, created from the scenario on first use', () => {
    const { sim } = simulatorFixture({
      seed: 212,
      world: {
        tenants: { key_rich: tenantFixture({ credits: 50_000, lists: [listFixture({ generate: 3 })] }) },
      },
    });
    expect(sim.tenants()).toEqual([]);
    expect(sim.tenant('key_rich').credits).toBe(50_000);
    expect(sim.tenant('key_rich').listsById.get('list_people')?.size).toBe(3);
    expect(sim.tenant('key_other').credits).toBe(1_000);
    expect(sim.tenant('key_other').listsById.get('list_people')?.size).toBe(20);
    expect(sim.tenants().map((tenant) => tenant.key)).toEqual(['key_rich', 'key_other']);
  });

  it("keeps one tenant from seeing, cancelling or paying for another tenant's runs", () => {
    const { sim } = simulatorFixture({ seed: 213 });
    const run = startRun(sim, 'key_a');
    expect(sim.getRun('key_b', run.id, 'puffle')).toBeUndefined();
    expect(sim.cancelRun('key_b', run.id, 'puffle')).toEqual({ ok: false, code: 'not_found' });
    expect(sim.deleteRun('key_b', run.id, 'puffle')).toBeUndefined();
    expect(sim.tenant('key_b').credits).toBe(1_000);
    expect(sim.tenant('key_a').credits).toBe(980);
    expect(run.cancelledAt).toBeNull();
  });

  it('keeps a run visible only to the vendor that made it', () => {
    const { sim } = simulatorFixture({ seed: 214 });
    const run = startRun(sim, 'key_a');
    expect(sim.getRun('key_a', run.id, 'exa')).toBeUndefined();
    expect(sim.getRun('key_a', run.id, 'puffle')).toBe(run);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'gives the API key %s the default world',
    (key) => {
      const { sim } = simulatorFixture({ seed: 215 });
      expect(sim.tenant(key).credits).toBe(1_000);
      startRun(sim, key);
      expect(sim.tenant(key).credits).toBe(980);
    },
  );

  it('refuses to add a list too long for its lead ids to encode', () => {
    const { sim } = simulatorFixture({ seed: 218 });
    expect(() => sim.createList('key_a', { name: 'Huge', subject: 'person', size: 0x1000000 })).toThrow(
      /Cannot add list "Huge" of 16777216 leads/,
    );
    expect(sim.createList('key_a', { name: 'Big', subject: 'person', size: 0xffffff }).size).toBe(0xffffff);
  });

  it('adds a list of generated leads a client can run over', () => {
    const { sim, clock } = simulatorFixture({ seed: 219 });
    moveTo(clock, START + 60_000);
    const list = sim.createList('key_a', { name: 'Found', subject: 'company', size: 3, externalId: 'ext_1' });
    expect(list).toMatchObject({ size: 3, createdAt: START + 60_000, externalId: 'ext_1', metadata: {} });
    const run = startRun(
      sim,
      'key_a',
      runRequest({
        enrichment: companyEnrichment,
        outputAttribute: 'about',
        scope: { type: 'list', listId: list.id },
      }),
    );
    expect(run.size).toBe(3);
    expect(sim.findLead('key_a', generatedLeadId(list, 2))).toMatchObject({
      subject: 'company',
      listId: list.id,
    });
  });

  it('marks revoked keys', () => {
    const { sim } = simulatorFixture({ seed: 216, world: { revokedKeys: ['key_gone'] } });
    expect(sim.tenant('key_gone').revoked).toBe(true);
    expect(sim.tenant('key_a').revoked).toBe(false);
  });

  it('finds generated and written-out leads by id, and nothing else', () => {
    const { sim } = simulatorFixture({
      seed: 217,
      world: {
        defaults: tenantFixture({
          lists: [
            listFixture({ generate: 2, leads: [{ id: 'lead_ann', attributes: { firstName: 'Ann' } }] }),
          ],
        }),
      },
    });
    const list = sim.tenant('key_a').listsById.get('list_people');
    if (!list) expect.fail('fixture list missing');
    expect(list.size).toBe(3);
    expect(sim.findLead('key_a', 'lead_ann')).toMatchObject({ index: 0, attributes: { firstName: 'Ann' } });
    expect(sim.findLead('key_a', generatedLeadId(list, 1))).toMatchObject({ index: 1, createdAt: START });
    expect(sim.findLead('key_a', generatedLeadId(list, 0))).toBeUndefined();
    expect(sim.findLead('key_a', generatedLeadId(list, 3))).toBeUndefined();
    expect(sim.findLead('key_b', generatedLeadId(list, 1))).toBeUndefined();
  });
});
