import type { TransportFaultType } from '../adapter/transport-fault.js';
import type { DurationInput } from './duration.js';
import type { FaultMatch, OutputKind, Subject, ToleranceModel, Vendor } from './types.js';

/**
 * The scenario FILE as written (YAML or JSON), before defaults and `extends` are applied: durations are
 * still strings, distributions still `{fixed: ...}`. `file-schema.ts` is the authority on what is valid;
 * these types describe a file that passed it.
 */

export type DistributionInput =
  | { fixed: DurationInput }
  | { uniform: [DurationInput, DurationInput] }
  | { lognormal: { median: DurationInput; sigma: number; max: DurationInput } };

export interface TimingFile {
  queueWait: DistributionInput;
  itemDuration: DistributionInput;
  concurrency: number;
  failure: { rate: number; maxAttempts: number; messages: string[] };
}

/** A profile is merged over `timing.default`, so every part of it is optional. */
export type TimingProfileFile = Partial<Omit<TimingFile, 'failure'>> & {
  failure?: Partial<TimingFile['failure']>;
};

/** A written-out lead: an optional `id`, then its attributes. */
export type LeadFile = Record<string, string | number | boolean | null>;

export interface ListFile {
  id?: string;
  name: string;
  subject: Subject;
  generate?: number;
  leads?: LeadFile[];
}

export interface TenantFile {
  credits: number;
  lists: ListFile[];
  preEnriched: Record<string, number>;
}

export interface CatalogEntryFile {
  slug: string;
  name?: string;
  description?: string;
  subject: Subject;
  creditCost: number;
  outputAttribute: string;
  outputOverride?: 'allowed' | 'forbidden';
  output: { kind: OutputKind; options?: string[] };
  inputSchema?: Record<string, unknown>;
  timingProfile?: string;
  version?: number;
  enabled?: boolean;
}

export type FaultEffectFile =
  | { status: number; code?: string; message?: string; retryAfter?: DurationInput }
  | { latency: DurationInput }
  | { transport: TransportFaultType }
  | { dispatchFailure: string };

export interface FaultFile {
  name: string;
  match: FaultMatch;
  effect: FaultEffectFile;
  times?: number;
}

export interface WebhooksFile {
  delay: DurationInput;
  duplicate: number;
  /** `true` is a 30s window. */
  reorder: boolean | DurationInput;
  timeout: DurationInput;
  retrySchedule: DurationInput[];
}

/** Everything but the identity fields: what `extends` merges. Complete once merged over the defaults. */
export interface ScenarioBody {
  seed: number;
  startAt: string;
  world: {
    defaults: TenantFile;
    /** Each tenant is merged over `world.defaults`. */
    tenants: Record<string, Partial<TenantFile>>;
    revokedKeys: string[];
    catalog: CatalogEntryFile[];
  };
  timing: { default: TimingFile; profiles: Record<string, TimingProfileFile> };
  races: {
    beforeCompletion: DurationInput;
    afterCompletion: DurationInput;
    tieBreak: 'completion' | 'cancel';
    cancelAlwaysLoses: boolean;
  };
  expiry: Record<Vendor, DurationInput | null>;
  faults: FaultFile[];
  tolerance: ToleranceModel;
  webhooks: WebhooksFile;
}

/**
 * `T` with every property optional at every depth, the way `extends` merges: objects key by key, while
 * arrays and distributions (`queueWait`, `itemDuration`) are replaced whole and so stay complete.
 */
export type DeepPartial<T> = T extends readonly unknown[] | DistributionInput
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * Changes to a scenario in the file format (`createEnrichmentMock({ overrides })`): any part of a
 * scenario file's body, merged over the scenario as `extends` merges a file over the one it extends.
 *
 * @example
 * const overrides: ScenarioOverrides = {
 *   world: { defaults: { credits: 0 } },
 *   faults: [{ name: 'slow', match: { vendor: 'puffle' }, effect: { latency: '200ms' } }],
 * };
 */
export type ScenarioOverrides = DeepPartial<ScenarioBody> & {
  /** Replaces the scenario's description. */
  description?: string;
};
