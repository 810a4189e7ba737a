/**
 * The mock's Exa types, field by field against the types exa-js 2.23.0 ships: every body the mock serves
 * must be assignable to what the official client declares and carry every field the client knows; every
 * body the client may send must fit the mock's request schema. Checked by `tsc --noEmit` and by `exa-js-types.test.ts`, which compiles this file alone.
 */
import type * as ExaJs from 'exa-js';
import { expectTypeOf } from 'vitest';
import type { components, operations } from '../../../src/generated/exa-websets.types.js';

type Ours = components['schemas'];

/**
 * Fields where exa-js's generated types drop the `null` that Exa's official spec declares
 * (`oneOf: [$ref, {type: 'null'}]`, e.g. `canceledReason` before any cancel), keyed by the `object`
 * constant of the schema that holds them. The JSDoc exa-js keeps (`@enum {string|null}`) says null too.
 */
interface SpecNullable {
  webset_search: 'entity' | 'canceledReason';
  webset_enrichment: 'format';
  import: 'entity' | 'failedReason';
  monitor: 'lastRun';
}

type NullableIn<T> = T extends { object: infer Kind extends string }
  ? `${Kind}` extends keyof SpecNullable
    ? SpecNullable[`${Kind}`]
    : never
  : never;

/** An exa-js type as JSON carries it: TypeScript enums become their string values; spec nulls restored. */
type OnTheWire<T> = T extends string
  ? `${T}`
  : T extends readonly (infer Element)[]
    ? OnTheWire<Element>[]
    : T extends object
      ? { [K in keyof T]: OnTheWire<T[K]> | (K extends NullableIn<T> ? null : never) }
      : T;

type Extends<A, B> = [A] extends [B] ? true : false;

/** Responses flow from the mock to exa-js; requests from exa-js to the mock. */
type Flows<Mine, Wire, Direction extends 'response' | 'request'> = Direction extends 'response'
  ? Extends<Mine, Wire>
  : Extends<Wire, Mine>;

/**
 * `true` when the mock's `Mine` and exa-js's `Theirs` agree in `Direction` and `Mine` has every field of
 * `Theirs`; else the fields missing from `Mine` or the ones whose types disagree.
 */
type Fits<Mine, Theirs, Direction extends 'response' | 'request'> = [
  Exclude<keyof OnTheWire<Theirs>, keyof Mine>,
] extends [never]
  ? Flows<Mine, OnTheWire<Theirs>, Direction> extends true
    ? true
    : {
        differs: {
          [K in keyof Mine & keyof OnTheWire<Theirs>]: Flows<
            Mine[K],
            OnTheWire<Theirs>[K],
            Direction
          > extends true
            ? never
            : K;
        }[keyof Mine & keyof OnTheWire<Theirs>];
      }
  : { missing: Exclude<keyof OnTheWire<Theirs>, keyof Mine> };

/** The verdict for every `[mine, theirs]` pair of a table. */
type Verdicts<Pairs, Direction extends 'response' | 'request'> = {
  [Name in keyof Pairs]: Pairs[Name] extends [infer Mine, infer Theirs]
    ? Fits<Mine, Theirs, Direction>
    : never;
};

type AllTrue<Pairs> = { [Name in keyof Pairs]: true };

/** Every schema of a response body the mock serves under /websets/v0, with exa-js's type of the same name. */
interface SchemaPairs {
  Webset: [Ours['Webset'], ExaJs.Webset];
  GetWebsetResponse: [Ours['GetWebsetResponse'], ExaJs.GetWebsetResponse];
  ListWebsetsResponse: [Ours['ListWebsetsResponse'], ExaJs.ListWebsetsResponse];
  WebsetSearch: [Ours['WebsetSearch'], ExaJs.WebsetSearch];
  Import: [Ours['Import'], ExaJs.Import];
  Monitor: [Ours['Monitor'], ExaJs.Monitor];
  MonitorRun: [Ours['MonitorRun'], ExaJs.MonitorRun];
  WebsetEnrichment: [Ours['WebsetEnrichment'], ExaJs.WebsetEnrichment];
  WebsetItem: [Ours['WebsetItem'], ExaJs.WebsetItem];
  ListWebsetItemResponse: [Ours['ListWebsetItemResponse'], ExaJs.ListWebsetItemResponse];
  EnrichmentResult: [Ours['EnrichmentResult'], ExaJs.EnrichmentResult];
  WebsetItemEvaluation: [Ours['WebsetItemEvaluation'], ExaJs.WebsetItemEvaluation];
  WebsetItemPersonProperties: [Ours['WebsetItemPersonProperties'], ExaJs.WebsetItemPersonProperties];
  WebsetItemCompanyProperties: [Ours['WebsetItemCompanyProperties'], ExaJs.WebsetItemCompanyProperties];
  WebsetItemArticleProperties: [Ours['WebsetItemArticleProperties'], ExaJs.WebsetItemArticleProperties];
  WebsetItemResearchPaperProperties: [
    Ours['WebsetItemResearchPaperProperties'],
    ExaJs.WebsetItemResearchPaperProperties,
  ];
  WebsetItemCustomProperties: [Ours['WebsetItemCustomProperties'], ExaJs.WebsetItemCustomProperties];
  Event: [Ours['Event'], ExaJs.Event];
  ListEventsResponse: [Ours['ListEventsResponse'], ExaJs.ListEventsResponse];
  Webhook: [Ours['Webhook'], ExaJs.Webhook];
  ListWebhooksResponse: [Ours['ListWebhooksResponse'], ExaJs.ListWebhooksResponse];
  WebhookAttempt: [Ours['WebhookAttempt'], ExaJs.WebhookAttempt];
  ListWebhookAttemptsResponse: [Ours['ListWebhookAttemptsResponse'], ExaJs.ListWebhookAttemptsResponse];
}

expectTypeOf<Verdicts<SchemaPairs, 'response'>>().toEqualTypeOf<AllTrue<SchemaPairs>>();

/** The JSON body of an operation's success response. */
type Served<Id extends keyof operations, Status extends number> = operations[Id]['responses'] extends {
  [S in Status]: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

/** What an exa-js method resolves to. */
type Resolved<Method> = Method extends (...args: never[]) => Promise<infer Result> ? Result : never;

type Websets = ExaJs.Exa['websets'];

/**
 * Every operation against the exa-js method that calls it. `exaUpdateEnrichment` is left out: exa-js types
 * it as resolving to nothing.
 */
interface OperationPairs {
  exaCreateWebset: [Served<'exaCreateWebset', 201>, Resolved<Websets['create']>];
  exaListWebsets: [Served<'exaListWebsets', 200>, Resolved<Websets['list']>];
  exaGetWebset: [Served<'exaGetWebset', 200>, Resolved<Websets['get']>];
  exaUpdateWebset: [Served<'exaUpdateWebset', 200>, Resolved<Websets['update']>];
  exaDeleteWebset: [Served<'exaDeleteWebset', 200>, Resolved<Websets['delete']>];
  exaCancelWebset: [Served<'exaCancelWebset', 200>, Resolved<Websets['cancel']>];
  exaListItems: [Served<'exaListItems', 200>, Resolved<Websets['items']['list']>];
  exaGetItem: [Served<'exaGetItem', 200>, Resolved<Websets['items']['get']>];
  exaDeleteItem: [Served<'exaDeleteItem', 200>, Resolved<Websets['items']['delete']>];
  exaCreateEnrichment: [Served<'exaCreateEnrichment', 200>, Resolved<Websets['enrichments']['create']>];
  exaGetEnrichment: [Served<'exaGetEnrichment', 200>, Resolved<Websets['enrichments']['get']>];
  exaDeleteEnrichment: [Served<'exaDeleteEnrichment', 200>, Resolved<Websets['enrichments']['delete']>];
  exaCancelEnrichment: [Served<'exaCancelEnrichment', 200>, Resolved<Websets['enrichments']['cancel']>];
  exaListEvents: [Served<'exaListEvents', 200>, Resolved<Websets['events']['list']>];
  exaGetEvent: [Served<'exaGetEvent', 200>, Resolved<Websets['events']['get']>];
  exaCreateWebhook: [Served<'exaCreateWebhook', 200>, Resolved<Websets['webhooks']['create']>];
  exaListWebhooks: [Served<'exaListWebhooks', 200>, Resolved<Websets['webhooks']['list']>];
  exaGetWebhook: [Served<'exaGetWebhook', 200>, Resolved<Websets['webhooks']['get']>];
  exaUpdateWebhook: [Served<'exaUpdateWebhook', 200>, Resolved<Websets['webhooks']['update']>];
  exaDeleteWebhook: [Served<'exaDeleteWebhook', 200>, Resolved<Websets['webhooks']['delete']>];
  exaListWebhookAttempts: [
    Served<'exaListWebhookAttempts', 200>,
    Resolved<Websets['webhooks']['listAttempts']>,
  ];
  exaWebhookEventDelivery: [
    operations['exaWebhookEventDelivery']['requestBody']['content']['application/json'],
    ExaJs.Event,
  ];
}

expectTypeOf<Verdicts<OperationPairs, 'response'>>().toEqualTypeOf<AllTrue<OperationPairs>>();

/** Every request body the mock accepts, with exa-js's parameter type. */
interface RequestPairs {
  CreateWebsetParameters: [Ours['CreateWebsetParameters'], ExaJs.CreateWebsetParameters];
  CreateWebsetSearch: [
    NonNullable<Ours['CreateWebsetParameters']['search']>,
    NonNullable<ExaJs.CreateWebsetParameters['search']>,
  ];
  UpdateWebsetRequest: [Ours['UpdateWebsetRequest'], ExaJs.UpdateWebsetRequest];
  CreateEnrichmentParameters: [Ours['CreateEnrichmentParameters'], ExaJs.CreateEnrichmentParameters];
  UpdateEnrichmentParameters: [Ours['UpdateEnrichmentParameters'], ExaJs.UpdateEnrichmentParameters];
  CreateWebhookParameters: [Ours['CreateWebhookParameters'], ExaJs.CreateWebhookParameters];
  UpdateWebhookParameters: [Ours['UpdateWebhookParameters'], ExaJs.UpdateWebhookParameters];
}

expectTypeOf<Verdicts<RequestPairs, 'request'>>().toEqualTypeOf<AllTrue<RequestPairs>>();

// The checks are not vacuous: a Webset without `dashboardUrl`, or with a status exa-js does not know, fails,
// and so does a search request schema without the `maxPeoplePerCompany` exa-js may send.
type WithoutDashboardUrl = Omit<Ours['Webset'], 'dashboardUrl'>;
type Archived = Omit<Ours['Webset'], 'status'> & { status: 'archived' };
// @ts-expect-error -- `dashboardUrl` is missing
expectTypeOf<Fits<WithoutDashboardUrl, ExaJs.Webset, 'response'>>().toEqualTypeOf<true>();
// @ts-expect-error -- `status` differs
expectTypeOf<Fits<Archived, ExaJs.Webset, 'response'>>().toEqualTypeOf<true>();
type SearchWithoutCap = Omit<NonNullable<Ours['CreateWebsetParameters']['search']>, 'maxPeoplePerCompany'>;
type ExaJsSearch = NonNullable<ExaJs.CreateWebsetParameters['search']>;
// @ts-expect-error -- `maxPeoplePerCompany` is unknown to this schema
expectTypeOf<Fits<SearchWithoutCap, ExaJsSearch, 'request'>>().toEqualTypeOf<true>();
