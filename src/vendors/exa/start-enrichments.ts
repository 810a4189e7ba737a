import type { RequestContext, VendorFailure } from '../../adapter/vendor-definition.js';
import type { Run, RunRequest } from '../../core/run.js';
import type { components } from '../../generated/exa-websets.types.js';
import { EXA_TAGS } from './exa-errors.js';
import { enrichmentIdFromUuid, exaId } from './exa-ids.js';
import type { ExaScope } from './exa-scope.js';
import { CREDITS_PER_ITEM, settingsProblem, toEnrichmentDefinition } from './enrichment-settings.js';
import type { EnrichmentRecord, EnrichmentVersion, WebsetRecord } from './webset-store.js';

type CreateEnrichmentParameters = components['schemas']['CreateEnrichmentParameters'];

/**
 * The first settings version of each requested Enrichment (format `text` when omitted), or the 422 to
 * answer when a format and its options do not go together. `field` prefixes the field names in messages.
 */
export function toVersions(
  context: RequestContext,
  requests: readonly CreateEnrichmentParameters[],
  now: number,
  field: (index: number) => string,
): EnrichmentVersion[] | VendorFailure {
  const versions: EnrichmentVersion[] = [];
  for (const [index, request] of requests.entries()) {
    const version = {
      from: now,
      description: request.description,
      format: request.format ?? 'text',
      options: request.options ?? null,
      metadata: { ...request.metadata },
    };
    const problem = settingsProblem(version.format, version.options);
    if (problem) return context.fail(422, EXA_TAGS.unprocessable, `${field(index)}${problem}.`);
    versions.push(version);
  }
  return versions;
}

/** Credits the Enrichments cost on a Webset of `items` Items. */
export const costOf = (versions: readonly EnrichmentVersion[], items: number): number =>
  versions.length * items * CREDITS_PER_ITEM;

/** The 402 Exa answers when the tenant cannot pay. */
export const noMoreCredits = (context: RequestContext, required: number, balance: number): VendorFailure =>
  context.fail(
    402,
    EXA_TAGS.noMoreCredits,
    `You have run out of credits: this needs ${required} credits and ${balance} are left. Please top up to continue.`,
  );

/**
 * Creates the Enrichments on the Webset, one core run each over its list, all or none. A dispatch
 * failure still records them (as runs that failed at once, charged nothing) and answers 502.
 */
export function startEnrichments(
  context: RequestContext,
  scope: ExaScope,
  webset: WebsetRecord,
  versions: EnrichmentVersion[],
): EnrichmentRecord[] | VendorFailure {
  const { simulator, key, now } = scope;
  const records = (runs: Run[] | null): EnrichmentRecord[] =>
    versions.map((version, index) => ({
      id:
        runs?.[index]?.id ??
        exaId('wenrich', webset.list.seed, 'enrichment', webset.enrichments.length + index),
      websetId: webset.id,
      run: runs?.[index] ?? null,
      createdAt: now,
      versions: [version],
      deletedAt: null,
    }));
  if (versions.length === 0) return [];
  if (webset.list.size === 0) return record(webset, records(null));
  const requests = versions.map((version): RunRequest => {
    const enrichment = toEnrichmentDefinition(version, webset.list.subject);
    return {
      vendor: 'exa',
      enrichment,
      scope: { type: 'list', listId: webset.list.id },
      input: {},
      outputAttribute: enrichment.outputAttribute,
      writePolicy: 'overwrite',
      ttlMs: context.context.scenario.expiry.exa,
      // The Enrichment record keeps the run (and its Webset); the run keeps nothing of Exa's.
      meta: undefined,
      formatId: ({ uuid }) => enrichmentIdFromUuid(uuid),
      ...(context.dispatchFailure === undefined ? {} : { dispatchFailure: context.dispatchFailure }),
    };
  });
  const started = simulator.startRuns(key, requests);
  if (!started.ok) {
    if (started.error.code === 'insufficient_credits')
      return noMoreCredits(context, started.error.required, started.error.balance);
    return context.fail(
      500,
      EXA_TAGS.internal,
      `Failed to start the Enrichments of Webset ${webset.id}: the simulator refused with ${started.error.code}.`,
    );
  }
  const created = record(webset, records(started.runs));
  if (context.dispatchFailure === undefined) return created;
  const ids = created.map((enrichment) => enrichment.id).join(', ');
  return context.fail(
    502,
    EXA_TAGS.badGateway,
    `Enrichment ${ids} of Webset ${webset.id} could not be dispatched (${context.dispatchFailure}). It is recorded as completed without results and cost no credits; create a new Enrichment to retry.`,
  );
}

function record(webset: WebsetRecord, enrichments: EnrichmentRecord[]): EnrichmentRecord[] {
  webset.enrichments.push(...enrichments);
  return enrichments;
}
