import type { components } from '../../generated/exa-websets.types.js';
import { titleOf } from './enrichment-settings.js';
import { EXA_TAGS } from './exa-errors.js';
import type { ExaHandler } from './exa-handlers.js';
import { exaId, itemIdPrefix } from './exa-ids.js';
import { ok, scopeOf, type ExaDependencies } from './exa-scope.js';
import { costOf, noMoreCredits, startEnrichments, toVersions } from './start-enrichments.js';
import { toWebset } from './to-webset.js';
import type { SearchRecord, WebsetRecord } from './webset-store.js';

type CreateWebsetParameters = components['schemas']['CreateWebsetParameters'];
type SearchParameters = NonNullable<CreateWebsetParameters['search']>;

/** Items one search finds at most, whatever its `count`. */
export const MAX_SEARCH_ITEMS = 1_000;

/** Words that make a query without `entity` a search for people rather than companies. */
const PERSON_WORDS =
  /\b(people|persons?|individuals?|founders?|co-?founders?|ceos?|ctos?|cfos?|cmos?|coos?|vps?|heads?|directors?|managers?|engineers?|developers?|executives?|leaders?|employees?|investors?|researchers?|professors?|recruiters?|designers?|marketers?|salespeople|consultants?|analysts?|scientists?)\b/i;

/** The entity a search looks for: the given one, else `person` when the query names people, else `company`. */
function entityOf(search: SearchParameters): 'person' | 'company' | { unsupported: string } {
  const type = search.entity?.type;
  if (type === undefined) return PERSON_WORDS.test(search.query) ? 'person' : 'company';
  return type === 'person' || type === 'company' ? type : { unsupported: type };
}

function toSearch(search: SearchParameters, entity: 'person' | 'company', seed: number): SearchRecord {
  return {
    id: exaId('ws', seed, 'search'),
    query: search.query,
    entity,
    criteria: search.criteria?.map((criterion) => criterion.description) ?? [search.query.slice(0, 1_000)],
    count: search.count,
    maxPeoplePerCompany: search.maxPeoplePerCompany ?? null,
    recall: search.recall ?? false,
    exclude: search.exclude ?? [],
    scope: search.scope ?? [],
  };
}

/**
 * `POST /websets/v0/websets`: the search finds its Items at once (a list of generated leads of the
 * searched entity); the Enrichments start over them, charged up front, all or nothing.
 */
export function createWebset(dependencies: ExaDependencies): ExaHandler<'exaCreateWebset'> {
  return (context) => {
    const { body } = context;
    const scope = scopeOf(dependencies, context);
    if (body.import !== undefined && body.import.length > 0) {
      return context.fail(
        422,
        EXA_TAGS.unprocessable,
        'import: the mock has no Imports to load from. Create the Webset with a search instead.',
      );
    }
    const entity = body.search ? entityOf(body.search) : 'person';
    if (typeof entity === 'object') {
      return context.fail(
        422,
        EXA_TAGS.unprocessable,
        `search.entity.type: the mock finds only person and company entities, not ${entity.unsupported}.`,
      );
    }
    const versions = toVersions(
      context,
      body.enrichments ?? [],
      scope.now,
      (index) => `enrichments[${index}].`,
    );
    if (!Array.isArray(versions)) return versions;
    const externalId = body.externalId ?? null;
    if (externalId !== null && scope.websets.find(externalId)) {
      return context.fail(
        409,
        EXA_TAGS.conflict,
        `Webset with externalId ${externalId} already exists. Use another externalId, or read the existing Webset with GET /websets/v0/websets/${externalId}.`,
      );
    }
    const size = body.search ? Math.min(Math.floor(body.search.count), MAX_SEARCH_ITEMS) : 0;
    const balance = scope.simulator.tenant(scope.key).credits;
    if (context.dispatchFailure === undefined && costOf(versions, size) > balance)
      return noMoreCredits(context, costOf(versions, size), balance);

    const title = body.search ? titleOf(body.search.query) : null;
    const metadata = { ...body.metadata };
    const list = scope.simulator.createList(scope.key, {
      name: title ?? 'Webset',
      subject: entity,
      size,
      externalId,
      metadata,
    });
    const webset: WebsetRecord = {
      id: exaId('webset', list.seed, 'webset'),
      externalId,
      title,
      list,
      itemPrefix: itemIdPrefix(list.seed),
      search: body.search ? toSearch(body.search, entity, list.seed) : null,
      excludes: body.exclude ?? [],
      enrichments: [],
      deletedItems: new Map(),
      metadata,
      createdAt: scope.now,
      editedAt: scope.now,
      deletedAt: null,
    };
    scope.websets.add(webset);
    const started = startEnrichments(context, scope, webset, versions);
    return Array.isArray(started) ? ok(toWebset(webset, scope.now), 201) : started;
  };
}
