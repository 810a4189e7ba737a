import { describe, expect, it } from 'vitest';
import { scenarioWith } from '../../support/scenario-variants.js';
import { expectError, leadIdsOf, listRun, puffleSetup, startRun } from './puffle-api.js';

const KEY = 'pk_live_test';

describe('puffle: POST /api/enrichment scopes and modes', () => {
  it('starts a persisted run over a list, charging one credit per lead, and answers pending', async () => {
    const { client, credits } = puffleSetup('default', 201);
    const response = await client.create(listRun('work_email', 'list_prospects'));
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: 'pending', leadCount: 25, reusedExistingRun: false });
    expect(response.json.runId).toBe(response.json.enrichmentRunId);
    expect(response.json.triggerRunId).toMatch(/^run_[a-z0-9]{25}$/);
    expect(credits()).toBe(975);
    expect((await client.get(response.json.enrichmentRunId)).status).toBe(200);
  });

  it('starts a run over explicit leads, counting duplicates once and charging the per-lead credit cost', async () => {
    const { harness, client, credits } = puffleSetup('default', 202);
    const [a, b] = leadIdsOf(harness, KEY, 'list_prospects', 2) as [string, string];
    const response = await client.create({
      enrichmentId: 'phone_number',
      scope: { type: 'explicit_leads', leadIds: [a, b, a] },
      input: {},
    });
    expect(response.status).toBe(200);
    expect(response.json.leadCount).toBe(2);
    expect(credits()).toBe(1_000 - 2);
    const ledger = (await client.get(response.json.enrichmentRunId)).json.run;
    expect(ledger.scope).toMatchObject({
      type: 'explicit_leads',
      listId: null,
      requested: { type: 'explicit_leads', leadIds: [a, b, a] },
      resolvedCount: 2,
    });
    expect(ledger.output.target).toBe('lead_attribute');
  });

  it('writes to membership attributes when an explicit scope names its list', async () => {
    const { harness, client } = puffleSetup('default', 203);
    const leadIds = leadIdsOf(harness, KEY, 'list_prospects', 3);
    const id = await startRun(client, {
      enrichmentId: 'work_email',
      scope: { type: 'explicit_leads', leadIds, listId: 'list_prospects' },
      input: {},
    });
    const ledger = (await client.get(id)).json.run;
    expect(ledger.scope.listId).toBe('list_prospects');
    expect(ledger.output.target).toBe('membership_attribute');
    const items = (await client.items(id)).json.items;
    expect(items[0]).toMatchObject({
      listId: 'list_prospects',
      membershipId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('refuses a filtered_list scope with FILTERED_SCOPE_UNSUPPORTED and creates nothing', async () => {
    const { client, credits, runs } = puffleSetup('default', 204);
    const response = await client.create({
      enrichmentId: 'work_email',
      scope: { type: 'filtered_list', listId: 'list_prospects', filter: { title: 'CEO' } },
      input: {},
    });
    expectError(response, 400, 'FILTERED_SCOPE_UNSUPPORTED', 'scope.type');
    expect(runs()).toEqual([]);
    expect(credits()).toBe(1_000);
  });

  it('previews for free: preview_ id, lead count, no trigger, nothing stored', async () => {
    const { client, credits, runs } = puffleSetup('default', 205);
    const response = await client.create(listRun('hiring_status', 'list_accounts', { mode: 'preview' }));
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      status: 'preview',
      leadCount: 10,
      triggerRunId: null,
      reusedExistingRun: false,
    });
    expect(response.json.enrichmentRunId).toMatch(/^preview_[0-9a-f-]{36}$/);
    expect(response.json.runId).toBe(response.json.enrichmentRunId);
    expect(runs()).toEqual([]);
    expect(credits()).toBe(1_000);
    const lookup = await client.get(response.json.enrichmentRunId);
    expectError(lookup, 404, 'not_found');
  });

  it('previews a run the workspace could not afford, and previews never record an idempotency key', async () => {
    const { client } = puffleSetup('insufficient-credits', 206);
    const preview = await client.create(
      listRun('work_email', 'list_prospects', { mode: 'preview', idempotencyKey: 'shared-key' }),
    );
    expect(preview.status).toBe(200);
    expect(preview.json.leadCount).toBe(25);
    const persisted = await client.create(
      listRun('work_email', 'list_prospects', { idempotencyKey: 'shared-key' }),
    );
    expect(persisted.status).toBe(402);
  });

  it('still answers planner refusals for previews', async () => {
    const { client } = puffleSetup('default', 207);
    const response = await client.create(listRun('work_email', 'list_accounts', { mode: 'preview' }));
    expectError(response, 400, 'SUBJECT_MISMATCH');
  });
});

describe('puffle: POST /api/enrichment planner refusals', () => {
  it('answers EMPTY_LEAD_SCOPE for an empty leadIds array and for an empty list', async () => {
    const { client, runs } = puffleSetup('empty-scopes', 220);
    const noLeads = await client.create({
      enrichmentId: 'work_email',
      scope: { type: 'explicit_leads', leadIds: [] },
      input: {},
    });
    expectError(noLeads, 400, 'EMPTY_LEAD_SCOPE', 'scope.leadIds');
    const emptyList = await client.create(listRun('work_email', 'list_prospects'));
    expectError(emptyList, 400, 'EMPTY_LEAD_SCOPE', 'list_prospects');
    expect(runs()).toEqual([]);
  });

  it('answers EMPTY_LEAD_SCOPE for a list the user does not have', async () => {
    const { client } = puffleSetup('default', 221);
    const response = await client.create(listRun('work_email', 'list_nobody_has'));
    expectError(response, 400, 'EMPTY_LEAD_SCOPE', 'scope.listId');
  });

  it('answers SUBJECT_MISMATCH for a person enrichment over company leads', async () => {
    const { client } = puffleSetup('default', 222);
    const response = await client.create(listRun('work_email', 'list_accounts'));
    expectError(response, 400, 'SUBJECT_MISMATCH');
    expect(response.json.error).toMatch(/expects person leads.*company leads/);
    const wrongSubject = await puffleSetup('empty-scopes', 222).client.create(
      listRun('work_email', 'list_wrong_subject'),
    );
    expect(wrongSubject.json.code).toBe('SUBJECT_MISMATCH');
  });

  it('answers UNKNOWN_ENRICHMENT for a slug not in the catalog and for a disabled one', async () => {
    const { client } = puffleSetup('default', 223);
    const response = await client.create(listRun('work_emial', 'list_prospects'));
    expectError(response, 400, 'UNKNOWN_ENRICHMENT', 'enrichmentId');
    const disabled = scenarioWith('default', 'puffle-disabled', (scenario) => ({
      ...scenario,
      world: {
        ...scenario.world,
        catalog: scenario.world.catalog.map((entry) =>
          entry.slug === 'phone_number' ? { ...entry, enabled: false } : entry,
        ),
      },
    }));
    const refused = await puffleSetup(disabled, 223).client.create(listRun('phone_number', 'list_prospects'));
    expect(refused.json).toMatchObject({
      code: 'UNKNOWN_ENRICHMENT',
      error: expect.stringContaining('disabled'),
    });
  });

  it('answers INVALID_INPUT naming the field when input does not match the input schema', async () => {
    const { client } = puffleSetup('default', 224);
    const wrongType = await client.create(
      listRun('website_overview', 'list_accounts', { input: { focus: 42 } }),
    );
    expectError(wrongType, 400, 'INVALID_INPUT', 'input.focus');
    expect(wrongType.json.details).toEqual([{ path: 'input.focus', message: 'input.focus must be string' }]);
    const unknownField = await client.create(
      listRun('work_email', 'list_prospects', { input: { domainHint: 'x.io' } }),
    );
    expect(unknownField.json.code).toBe('INVALID_INPUT');
    expect(unknownField.json.details[0].path).toBe('input.domainHint');
    const valid = await client.create(
      listRun('website_overview', 'list_accounts', { input: { focus: 'pricing' } }),
    );
    expect(valid.status).toBe(200);
  });

  it('answers UNKNOWN_LEAD naming the position of every unknown lead id', async () => {
    const { harness, client } = puffleSetup('default', 225);
    const [known] = leadIdsOf(harness, KEY, 'list_prospects', 1) as [string];
    const response = await client.create({
      enrichmentId: 'work_email',
      scope: { type: 'explicit_leads', leadIds: [known, 'lead_missing', 'lead_gone'] },
      input: {},
    });
    expectError(response, 400, 'UNKNOWN_LEAD', 'scope.leadIds.1');
    expect(response.json.details.map((detail: { path: string }) => detail.path)).toEqual([
      'scope.leadIds.1',
      'scope.leadIds.2',
    ]);
  });

  it('answers OUTPUT_TARGET_UNSUPPORTED for an output override on an enrichment that forbids it', async () => {
    const forbidden = scenarioWith('default', 'puffle-forbidden-override', (scenario) => ({
      ...scenario,
      world: {
        ...scenario.world,
        catalog: scenario.world.catalog.map((entry) =>
          entry.slug === 'work_email' ? { ...entry, outputOverride: 'forbidden' as const } : entry,
        ),
      },
    }));
    const { client } = puffleSetup(forbidden, 226);
    const catalog = await client.catalog({ id: 'work_email' });
    expect(catalog.json.enrichments[0].outputOverridePolicy).toBe('forbidden');
    const response = await client.create(
      listRun('work_email', 'list_prospects', { output: { attributeKey: 'email_q2' } }),
    );
    expectError(response, 400, 'OUTPUT_TARGET_UNSUPPORTED', 'output.attributeKey');
    expect((await client.create(listRun('work_email', 'list_prospects'))).status).toBe(200);
  });

  it('writes to the override attribute when the enrichment allows it', async () => {
    const { client } = puffleSetup('default', 227);
    const id = await startRun(
      client,
      listRun('hiring_status', 'list_accounts', {
        output: { attributeKey: 'is_hiring_q2' },
        displayRequest: { fieldId: 'col_1' },
      }),
    );
    expect((await client.get(id)).json.run.output).toEqual({
      target: 'membership_attribute',
      attributeKey: 'is_hiring_q2',
      writePolicy: 'overwrite',
      persistResults: true,
    });
    const empty = await client.create(
      listRun('hiring_status', 'list_accounts', { output: { attributeKey: '' } }),
    );
    expect(empty.status).toBe(400);
    expect(empty.json).toMatchObject({
      code: 'OUTPUT_TARGET_UNSUPPORTED',
      error: expect.stringContaining('output.attributeKey'),
    });
  });
});
