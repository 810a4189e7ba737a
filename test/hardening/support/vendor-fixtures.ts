import fc from 'fast-check';
import { call, expectStatus, keyOf, leadIdsOf, storedState, type FixtureHost } from './fixture-host.js';
import type { Send } from './fuzz-runner.js';
import { createIdPool, harvest, harvested, ownerOf, type IdPool } from './id-pool.js';
import type { RequestPlanOptions } from './request-plan.js';
import { EXA, PUFFLE, SENDKIT, type HeaderMap } from './vendor-targets.js';

export { call, type FixtureHost } from './fixture-host.js';

/** A mock prepared for fuzzing: objects for every tenant, ids to aim at, and a view of the victim. */
export interface Fixture {
  pool: IdPool;
  hints: NonNullable<RequestPlanOptions['hints']>;
  bodies?: NonNullable<RequestPlanOptions['bodies']>;
  /** The victim's stored state: what a fuzz batch must leave as it is. */
  victimState(): Promise<unknown>;
}

/** Leaves a few seconds for runs to get going: mixed pending, running and completed items. */
const SETTLE_MS = 2_000;

/** A run a Puffle tenant can start: an enrichment with leads of its subject and an input it accepts. */
function puffleCreateBody(leads: string[]): fc.Arbitrary<unknown> {
  const forPeople = fc.record({
    enrichmentId: fc.constantFrom('work_email', 'phone_number'),
    scope: fc.oneof(
      fc.constant({ type: 'list', listId: 'list_prospects' }),
      fc
        .array(fc.constantFrom(...leads), { minLength: 1, maxLength: 5 })
        .map((leadIds) => ({ type: 'explicit_leads', leadIds })),
    ),
    input: fc.constant({}),
  });
  const forCompanies = fc.record({
    enrichmentId: fc.constant('website_overview'),
    scope: fc.constant({ type: 'list', listId: 'list_accounts' }),
    input: fc.constantFrom({}, { focus: 'pricing' }),
  });
  const options = fc.record(
    {
      mode: fc.constantFrom('persisted', 'preview'),
      idempotencyKey: fc.constantFrom('fuzz-key-1', 'fuzz-key-2', 'victim-run'),
      writePolicy: fc.constantFrom('overwrite', 'skip_existing'),
      output: fc.constant({ attributeKey: 'fuzzedAttribute' }),
    },
    { requiredKeys: [] },
  );
  return fc.tuple(fc.oneof(forPeople, forCompanies), options).map(([run, extra]) => ({ ...run, ...extra }));
}

export async function preparePuffle(host: FixtureHost, send: Send): Promise<Fixture> {
  const pool = createIdPool();
  const leadsOf = (headers: HeaderMap) => leadIdsOf(host, keyOf(headers));
  const leads = leadsOf(PUFFLE.auth.fuzz[0] ?? {});
  const create = async (headers: HeaderMap, body: unknown) => {
    const answer = expectStatus(
      await call(send, 'POST', '/api/enrichment', headers, body),
      200,
      'create run',
    );
    harvest(pool, answer.json, ownerOf(headers));
    return answer.json as { runId: string };
  };
  const victimRun = await create(PUFFLE.auth.victim, {
    enrichmentId: 'work_email',
    scope: { type: 'list', listId: 'list_prospects' },
    input: {},
    idempotencyKey: 'victim-run',
  });
  for (const headers of PUFFLE.auth.fuzz) {
    await create(headers, {
      enrichmentId: 'phone_number',
      scope: { type: 'explicit_leads', leadIds: leadsOf(headers).slice(0, 4) },
      input: {},
    });
    await create(headers, {
      enrichmentId: 'website_overview',
      scope: { type: 'list', listId: 'list_accounts' },
      input: { focus: 'pricing' },
    });
  }
  host.advance(SETTLE_MS);
  harvest(
    pool,
    (await call(send, 'GET', `/api/enrichment/${victimRun.runId}/items?limit=5`, PUFFLE.auth.victim)).json,
    ownerOf(PUFFLE.auth.victim),
  );
  const victim = keyOf(PUFFLE.auth.victim);
  return {
    pool,
    bodies: { puffleCreateEnrichmentRun: puffleCreateBody(leads) },
    hints: {
      enrichmentId: fc.constantFrom('work_email', 'phone_number', 'website_overview', 'hiring_status'),
      listId: fc.constantFrom('list_prospects', 'list_accounts'),
      leadIds: fc.array(fc.constantFrom(...leads), { minLength: 1, maxLength: 6 }),
      leadId: fc.constantFrom(...leads),
      idempotencyKey: fc.constantFrom('fuzz-key-1', 'fuzz-key-2', 'victim-run'),
      input: fc.constantFrom({}, { focus: 'hiring' }),
      id: harvested(/^[0-9a-f]{8}-[0-9a-f-]{27}$/),
      cursor: harvested(),
    },
    victimState: async () => ({
      stored: storedState(host, victim),
      run: (await call(send, 'GET', `/api/enrichment/${victimRun.runId}`, PUFFLE.auth.victim)).text,
      items: (
        await call(send, 'GET', `/api/enrichment/${victimRun.runId}/items?limit=100`, PUFFLE.auth.victim)
      ).text,
    }),
  };
}

export async function prepareSendkit(host: FixtureHost, send: Send): Promise<Fixture> {
  const pool = createIdPool();
  const leadsOf = async (headers: HeaderMap) =>
    (
      expectStatus(await call(send, 'GET', '/v1/leads?limit=10', headers), 200, 'list leads').json as {
        data: { leads: { id: string }[] };
      }
    ).data.leads.map((lead) => lead.id);
  const enrich = async (headers: HeaderMap, leadIds: string[], types: string[]) => {
    const answer = expectStatus(
      await call(send, 'POST', '/v1/enrichment/enrich', headers, { leadIds, enrichmentTypes: types }),
      200,
      'enrich',
    );
    harvest(pool, answer.json, ownerOf(headers));
    return answer.json as { data: { jobs: { jobId: string }[] } };
  };
  const victimJob =
    (await enrich(SENDKIT.auth.victim, await leadsOf(SENDKIT.auth.victim), ['email'])).data.jobs[0]?.jobId ??
    '';
  let leads: string[] = [];
  for (const headers of SENDKIT.auth.fuzz) {
    leads = await leadsOf(headers);
    await enrich(headers, leads.slice(0, 5), ['phoneEnrichment', 'espDetection']);
  }
  host.advance(SETTLE_MS);
  const victim = keyOf(SENDKIT.auth.victim);
  return {
    pool,
    hints: {
      leadIds: fc.array(fc.constantFrom(...leads), { minLength: 1, maxLength: 6 }),
      listId: fc.constantFrom('list_prospects', 'list_accounts'),
      jobId: harvested(/^bulk_/),
      cursor: harvested(),
    },
    victimState: async () => ({
      stored: storedState(host, victim),
      job: (await call(send, 'GET', `/v1/enrichment/jobs/${victimJob}`, SENDKIT.auth.victim)).json,
      leads: (await call(send, 'GET', '/v1/leads?limit=100', SENDKIT.auth.victim)).json,
    }),
  };
}

/** Exa's `{id}` names a different object on each path: aim it at ids of that kind. */
function exaIdHints(): Record<string, fc.Arbitrary<unknown>> {
  const kinds: [RegExp, string[]][] = [
    [/^webset_/, ['exaGetWebset', 'exaUpdateWebset', 'exaDeleteWebset', 'exaCancelWebset']],
    [/^witem_/, ['exaGetItem', 'exaDeleteItem']],
    [/^wenrich_/, ['exaGetEnrichment', 'exaUpdateEnrichment', 'exaDeleteEnrichment', 'exaCancelEnrichment']],
    [/^event_/, ['exaGetEvent']],
    [/^webhook_/, ['exaGetWebhook', 'exaUpdateWebhook', 'exaDeleteWebhook', 'exaListWebhookAttempts']],
  ];
  return Object.fromEntries(
    kinds.flatMap(([kind, operations]) =>
      operations.map((operation) => [`${operation}:id`, harvested(kind)]),
    ),
  );
}

export async function prepareExa(host: FixtureHost, send: Send): Promise<Fixture> {
  const pool = createIdPool();
  const createWebset = async (headers: HeaderMap, body: unknown) => {
    const answer = expectStatus(
      await call(send, 'POST', '/websets/v0/websets', headers, body),
      201,
      'create webset',
    );
    harvest(pool, answer.json, ownerOf(headers));
    return answer.json as { id: string; enrichments: { id: string }[] };
  };
  const victimWebset = await createWebset(EXA.auth.victim, {
    search: { query: 'Heads of sales at fintechs', count: 5, entity: { type: 'person' } },
    enrichments: [{ description: 'Work email', format: 'email' }],
    externalId: 'victim-webset',
  });
  for (const [index, headers] of EXA.auth.fuzz.entries()) {
    const webset = await createWebset(headers, {
      search: { query: 'Founders of climate startups', count: 4 },
      enrichments: [
        {
          description: 'Funding stage',
          format: 'options',
          options: [{ label: 'seed' }, { label: 'series A' }],
        },
      ],
      externalId: `fuzz-webset-${index}`,
    });
    harvest(
      pool,
      (await call(send, 'GET', `/websets/v0/websets/${webset.id}?expand=items`, headers)).json,
      ownerOf(headers),
    );
  }
  host.advance(SETTLE_MS);
  harvest(
    pool,
    (await call(send, 'GET', '/websets/v0/events?limit=20', EXA.auth.fuzz[0] ?? {})).json,
    ownerOf(EXA.auth.fuzz[0] ?? {}),
  );
  const victim = keyOf(EXA.auth.victim);
  return {
    pool,
    hints: {
      id: harvested(),
      ...exaIdHints(),
      webset: fc.oneof(harvested(/^webset_/), fc.constantFrom('fuzz-webset-0', 'victim-webset')),
      cursor: harvested(),
      externalId: fc.constantFrom('fuzz-webset-0', 'fuzz-webset-1', 'victim-webset', 'fresh-webset'),
      count: fc.integer({ min: 1, max: 12 }),
      query: fc.constantFrom('CTOs at Series B startups', 'Companies building heat pumps'),
      description: fc.constantFrom('Work email', 'LinkedIn headline'),
    },
    victimState: async () => ({
      stored: storedState(host, victim),
      webset: (
        await call(send, 'GET', `/websets/v0/websets/${victimWebset.id}?expand=items`, EXA.auth.victim)
      ).json,
      list: (await call(send, 'GET', '/websets/v0/websets?limit=100', EXA.auth.victim)).json,
      events: (await call(send, 'GET', '/websets/v0/events?limit=200', EXA.auth.victim)).json,
    }),
  };
}

export const FIXTURES: Record<
  'puffle' | 'sendkit' | 'exa',
  (host: FixtureHost, send: Send) => Promise<Fixture>
> = {
  puffle: preparePuffle,
  sendkit: prepareSendkit,
  exa: prepareExa,
};
