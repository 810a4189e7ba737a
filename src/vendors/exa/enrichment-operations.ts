import type { OperationContext, RequestContext, VendorFailure } from '../../adapter/vendor-definition.js';
import type { VendorReply } from '../../adapter/vendor-definition.js';
import { settingsProblem } from './enrichment-settings.js';
import { EXA_TAGS } from './exa-errors.js';
import type { ExaHandlers, ExaOperations, WebsetPartContext } from './exa-handlers.js';
import { findEnrichment, findWebset, isWebset, ok, scopeOf, type ExaDependencies } from './exa-scope.js';
import { startEnrichments, toVersions } from './start-enrichments.js';
import { toEnrichment } from './to-enrichment.js';
import type { EnrichmentRecord, EnrichmentVersion } from './webset-store.js';

type UpdateEnrichment = OperationContext<ExaOperations['exaUpdateEnrichment']>;

/** The settings after an update: a format change away from `options` drops the options. */
function updated(
  current: EnrichmentVersion,
  update: UpdateEnrichment['body'],
  now: number,
): EnrichmentVersion {
  const format = update.format ?? current.format;
  const keptOptions = format === 'options' ? current.options : null;
  return {
    from: now,
    description: update.description ?? current.description,
    format,
    options: update.options ?? keptOptions,
    metadata: update.metadata === undefined ? current.metadata : { ...update.metadata },
  };
}

/**
 * Answers a cancel the core refused: 409 when the Enrichment is completing (the cancel lost a race with its
 * completion); otherwise it is already canceled or completed, and Exa's spec declares only 200 for this
 * operation, so it is answered unchanged.
 */
function refusedCancel(
  context: RequestContext,
  enrichment: EnrichmentRecord,
  now: number,
  completing: boolean,
) {
  if (!completing) return ok(toEnrichment(enrichment, now));
  return context.fail(
    409,
    EXA_TAGS.notCancellable,
    `Enrichment ${enrichment.id} is completing and can no longer be canceled. ` +
      "Read it again: it is completed, with its results on the Webset's Items.",
  );
}

/** Create, get, update, delete and cancel an Enrichment. */
export function enrichmentOperations(
  dependencies: ExaDependencies,
): ExaHandlers<
  | 'exaCreateEnrichment'
  | 'exaGetEnrichment'
  | 'exaUpdateEnrichment'
  | 'exaDeleteEnrichment'
  | 'exaCancelEnrichment'
> {
  /** Runs `act` on the Enrichment named by the path, or answers its 404. */
  const withEnrichment =
    <Context extends WebsetPartContext, Result extends VendorReply>(
      act: (context: Context, enrichment: EnrichmentRecord, now: number) => Result,
    ) =>
    (context: Context): Result | VendorFailure => {
      const scope = scopeOf(dependencies, context);
      const found = findEnrichment(context, scope);
      return 'enrichment' in found ? act(context, found.enrichment, scope.now) : found;
    };

  return {
    exaCreateEnrichment(context) {
      const scope = scopeOf(dependencies, context);
      const webset = findWebset(context, scope, context.params.webset);
      if (!isWebset(webset)) return webset;
      const versions = toVersions(context, [context.body], scope.now, () => '');
      if (!Array.isArray(versions)) return versions;
      const started = startEnrichments(context, scope, webset, versions);
      if (!Array.isArray(started)) return started;
      const [enrichment] = started;
      return enrichment
        ? ok(toEnrichment(enrichment, scope.now))
        : context.fail(500, EXA_TAGS.internal, 'Failed to create the Enrichment: nothing was recorded.');
    },
    exaGetEnrichment: withEnrichment((_context, enrichment, now) => ok(toEnrichment(enrichment, now))),
    exaUpdateEnrichment: withEnrichment((context: UpdateEnrichment, enrichment, now) => {
      const current = enrichment.versions[enrichment.versions.length - 1] ?? enrichment.versions[0];
      const next = updated(current, context.body, now);
      const problem = settingsProblem(next.format, next.options);
      if (problem) return context.fail(422, EXA_TAGS.unprocessable, `${problem}.`);
      if (current.from === now) enrichment.versions.pop();
      enrichment.versions.push(next);
      return ok(toEnrichment(enrichment, now));
    }),
    exaDeleteEnrichment: withEnrichment((context, enrichment, now) => {
      if (enrichment.run) context.context.simulator.deleteRun(context.tenant, enrichment.run.id, 'exa');
      enrichment.deletedAt = now;
      return ok(toEnrichment(enrichment, now));
    }),
    exaCancelEnrichment: withEnrichment((context, enrichment, now) => {
      if (!enrichment.run) return refusedCancel(context, enrichment, now, false);
      const cancelled = context.context.simulator.cancelRun(context.tenant, enrichment.run.id, 'exa');
      if (cancelled.ok) return ok(toEnrichment(enrichment, now));
      if (cancelled.code === 'not_found')
        return context.fail(404, EXA_TAGS.notFound, `Enrichment ${enrichment.id} not found.`);
      return refusedCancel(context, enrichment, now, cancelled.code === 'status_changed');
    }),
  };
}
