import { byVendor } from '../vendors/vendor-descriptors.js';
import { DEFAULT_REORDER_WINDOW } from './defaults.js';
import { parseDuration } from './duration.js';
import type {
  CatalogEntryFile,
  DistributionInput,
  FaultEffectFile,
  FaultFile,
  ListFile,
  ScenarioBody,
  TenantFile,
  TimingFile,
  TimingProfileFile,
  WebhooksFile,
} from './file-types.js';
import { mergeScenario } from './merge.js';
import type {
  Distribution,
  EnrichmentDefinition,
  FaultEffect,
  FaultRule,
  ListSpec,
  Scenario,
  TenantSpec,
  TimingModel,
  WebhookModel,
} from './types.js';

/** Milliseconds of a duration the schema already accepted; anything else is a broken invariant. */
function toMs(value: string | number): number {
  const parsed = parseDuration(value);
  if (!parsed.ok)
    throw new Error(
      `Invariant broken: duration ${JSON.stringify(value)} passed the schema but does not parse (${parsed.message}).`,
    );
  return parsed.ms;
}

function toDistribution(input: DistributionInput): Distribution {
  if ('fixed' in input) return { type: 'fixed', ms: toMs(input.fixed) };
  if ('uniform' in input)
    return { type: 'uniform', minMs: toMs(input.uniform[0]), maxMs: toMs(input.uniform[1]) };
  return {
    type: 'lognormal',
    medianMs: toMs(input.lognormal.median),
    sigma: input.lognormal.sigma,
    maxMs: toMs(input.lognormal.max),
  };
}

function toTimingModel(file: TimingFile): TimingModel {
  return {
    queueWait: toDistribution(file.queueWait),
    itemDuration: toDistribution(file.itemDuration),
    concurrency: file.concurrency,
    failure: {
      rate: file.failure.rate,
      maxAttempts: file.failure.maxAttempts,
      messages: [...file.failure.messages],
    },
  };
}

function toListSpec(file: ListFile): ListSpec {
  return {
    ...(file.id === undefined ? {} : { id: file.id }),
    name: file.name,
    subject: file.subject,
    generate: file.generate ?? 0,
    leads: (file.leads ?? []).map(({ id, ...attributes }) =>
      id === undefined || id === null ? { attributes } : { id: String(id), attributes },
    ),
  };
}

function toTenantSpec(file: TenantFile): TenantSpec {
  return { credits: file.credits, lists: file.lists.map(toListSpec), preEnriched: { ...file.preEnriched } };
}

/** `work_email` -> `Work email`. */
const toTitle = (slug: string): string => {
  const words = slug.replace(/[_.-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function toEnrichment(file: CatalogEntryFile): EnrichmentDefinition {
  return {
    slug: file.slug,
    name: file.name ?? toTitle(file.slug),
    description: file.description ?? '',
    subject: file.subject,
    creditCost: file.creditCost,
    outputAttribute: file.outputAttribute,
    ...(file.outputOverride === undefined ? {} : { outputOverride: file.outputOverride }),
    output:
      file.output.options === undefined
        ? { kind: file.output.kind }
        : { kind: file.output.kind, options: [...file.output.options] },
    inputSchema: file.inputSchema ?? { type: 'object', additionalProperties: false, properties: {} },
    ...(file.timingProfile === undefined ? {} : { timingProfile: file.timingProfile }),
    version: file.version ?? 1,
    enabled: file.enabled ?? true,
  };
}

function toFaultEffect(file: FaultEffectFile): FaultEffect {
  if ('status' in file) {
    return {
      type: 'status',
      status: file.status,
      ...(file.code === undefined ? {} : { code: file.code }),
      ...(file.message === undefined ? {} : { message: file.message }),
      ...(file.retryAfter === undefined
        ? {}
        : { retryAfterSeconds: Math.ceil(toMs(file.retryAfter) / 1_000) }),
    };
  }
  if ('latency' in file) return { type: 'latency', ms: toMs(file.latency) };
  if ('transport' in file) return { type: file.transport };
  return { type: 'dispatch_failure', message: file.dispatchFailure };
}

function toFaultRule(file: FaultFile): FaultRule {
  return {
    name: file.name,
    match: { ...file.match },
    effect: toFaultEffect(file.effect),
    ...(file.times === undefined ? {} : { times: file.times }),
  };
}

function toWebhookModel(file: WebhooksFile): WebhookModel {
  const reorder = file.reorder === true ? DEFAULT_REORDER_WINDOW : file.reorder === false ? 0 : file.reorder;
  return {
    delayMs: toMs(file.delay),
    duplicate: file.duplicate,
    reorderWindowMs: toMs(reorder),
    timeoutMs: toMs(file.timeout),
    retryScheduleMs: file.retrySchedule.map(toMs),
  };
}

/**
 * Turns a complete, validated scenario body (the defaults with every file merged over them) into the
 * normalised `Scenario`: milliseconds, tagged distributions and effects, tenants and profiles merged over
 * their defaults, catalog defaults filled in.
 *
 * @example
 * const scenario = toScenario(DEFAULT_BODY, { name: 'default', description: 'Realistic timings.' });
 */
export function toScenario(body: ScenarioBody, identity: { name: string; description: string }): Scenario {
  const tenantFile = (partial: Partial<TenantFile>): TenantFile =>
    mergeScenario(body.world.defaults, partial) as TenantFile;
  const profileFile = (partial: TimingProfileFile): TimingFile =>
    mergeScenario(body.timing.default, partial) as TimingFile;
  const expiry = (value: string | number | null): number | null => (value === null ? null : toMs(value));
  return {
    name: identity.name,
    description: identity.description,
    seed: body.seed,
    startAtMs: Date.parse(body.startAt),
    world: {
      defaults: toTenantSpec(body.world.defaults),
      tenants: Object.fromEntries(
        Object.entries(body.world.tenants).map(([key, tenant]) => [key, toTenantSpec(tenantFile(tenant))]),
      ),
      revokedKeys: [...body.world.revokedKeys],
      catalog: body.world.catalog.map(toEnrichment),
    },
    timing: {
      default: toTimingModel(body.timing.default),
      profiles: Object.fromEntries(
        Object.entries(body.timing.profiles).map(([name, profile]) => [
          name,
          toTimingModel(profileFile(profile)),
        ]),
      ),
    },
    races: {
      beforeCompletionMs: toMs(body.races.beforeCompletion),
      afterCompletionMs: toMs(body.races.afterCompletion),
      tieBreak: body.races.tieBreak,
      cancelAlwaysLoses: body.races.cancelAlwaysLoses,
    },
    expiry: byVendor((vendor) => expiry(body.expiry[vendor])),
    faults: body.faults.map(toFaultRule),
    tolerance: { ...body.tolerance },
    webhooks: toWebhookModel(body.webhooks),
  };
}
