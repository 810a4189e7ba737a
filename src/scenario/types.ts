/**
 * The normalised scenario: what a scenario file means once it is parsed, validated and filled with
 * defaults. The simulator core reads `world`, `timing`, `races` and `expiry`; the vendor adapters and the
 * server read `faults` and `tolerance`; the webhook delivery engine reads `webhooks`. Durations are
 * milliseconds.
 */

import type { TransportFaultType } from '../adapter/transport-fault.js';
import type { OutputKind } from '../core/output-kinds.js';
import type { Vendor } from '../vendors/vendor-descriptors.js';

export type { Vendor };

/** A duration distribution, sampled per item from the seed. */
export type Distribution =
  | { type: 'fixed'; ms: number }
  | { type: 'uniform'; minMs: number; maxMs: number }
  | { type: 'lognormal'; medianMs: number; sigma: number; maxMs: number };

/** How long things take and how often they fail. */
export interface TimingModel {
  /** Wait between a run's creation and its first item starting. */
  queueWait: Distribution;
  /** Duration of one attempt at one item. */
  itemDuration: Distribution;
  /**
   * Items per wave: a wave of this many starts every typical item duration, finished or not (a start
   * rate, not a cap on items in flight: slow items and retries overlap later waves; see `createSchedule`).
   */
  concurrency: number;
  /** Per-attempt failure probability, attempts per item, and the error messages a failure picks from. */
  failure: { rate: number; maxAttempts: number; messages: string[] };
}

/** The subject an enrichment applies to, and the type of a lead. */
export type Subject = 'person' | 'company';

export type { OutputKind };

/** One entry of a tenant's enrichment catalog. */
export interface EnrichmentDefinition {
  slug: string;
  name: string;
  description: string;
  subject: Subject;
  /** Credits charged per lead at dispatch. */
  creditCost: number;
  /** The lead attribute the result is written to. */
  outputAttribute: string;
  /** Whether a run may write the result to an attribute of its own choosing instead. Default `allowed`. */
  outputOverride?: 'allowed' | 'forbidden';
  output: { kind: OutputKind; options?: string[] };
  /** JSON Schema the request's `input` must satisfy. */
  inputSchema: Record<string, unknown>;
  /** Name of a `timing.profiles` entry; falls back to the slug, then to `timing.default`. */
  timingProfile?: string;
  version: number;
  enabled: boolean;
}

/** A lead written out in the scenario; anything left out is generated from the seed. */
export interface LeadSpec {
  id?: string;
  attributes: Record<string, string | number | boolean | null>;
}

/** A list of leads: generated (`generate: N`) and/or written out. */
export interface ListSpec {
  id?: string;
  name: string;
  subject: Subject;
  generate: number;
  leads: LeadSpec[];
}

/** The initial world of one tenant. */
export interface TenantSpec {
  credits: number;
  lists: ListSpec[];
  /** Share of generated leads (0..1) that already carry an attribute, by attribute name. */
  preEnriched: Record<string, number>;
}

/** Race handling around a run's completion. */
export interface RaceModel {
  /** A cancel this long before completion is answered "status changed" and the run still completes. */
  beforeCompletionMs: number;
  /** A cancel this long after completion is "status changed" rather than "not cancellable". */
  afterCompletionMs: number;
  /** Who wins when the cancel lands at the exact instant of completion. */
  tieBreak: 'completion' | 'cancel';
  /** Every cancel of a pending or running run loses: the run completes at the cancel instant. */
  cancelAlwaysLoses: boolean;
}

/** What a fault rule matches. Every given field must match. */
export interface FaultMatch {
  vendor?: Vendor;
  /** operationId from the vendor's OpenAPI document. */
  operation?: string;
  tenant?: string;
  /** 1-based call numbers (counted per rule) that match. */
  nth?: number[];
  /** Match every k-th call (counted per rule). */
  every?: number;
  /** Probability in 0..1, drawn from the seed. */
  probability?: number;
}

/** What a matching fault does. */
export type FaultEffect =
  | { type: 'status'; status: number; code?: string; message?: string; retryAfterSeconds?: number }
  | { type: 'latency'; ms: number }
  | { type: TransportFaultType }
  | { type: 'dispatch_failure'; message: string };

export interface FaultRule {
  name: string;
  match: FaultMatch;
  effect: FaultEffect;
  /** Stop applying after this many applications. */
  times?: number;
}

/** Response variations that documented-tolerant clients must accept. */
export interface ToleranceModel {
  /** Add unknown additive fields to response objects. */
  extraFields: boolean;
  /** Return optional/nullable fields as null where the spec allows it. */
  nullOptional: boolean;
  /** Emit object keys in a different (seeded) order. */
  shuffleKeys: boolean;
}

/** How webhook deliveries go out: when, how often they are retried, and how unreliably they arrive. */
export interface WebhookModel {
  /** Every delivery leaves this long after its event. */
  delayMs: number;
  /** Probability (0..1), drawn from the seed per event and webhook, that a delivery is sent twice. */
  duplicate: number;
  /**
   * Each delivery is held back a seeded time in [0, window): deliveries of events closer than this may
   * arrive out of order. 0 keeps event order.
   */
  reorderWindowMs: number;
  /** Wall-clock time a receiver has to answer before the attempt counts as failed (status 0). */
  timeoutMs: number;
  /** When each attempt is due, counted from the delivery's first due instant; one entry per attempt. */
  retryScheduleMs: number[];
}

export interface Scenario {
  name: string;
  description: string;
  seed: number;
  /** Virtual clock start instant (ms since epoch). */
  startAtMs: number;
  world: {
    /** The world every tenant starts with, unless listed in `tenants`. */
    defaults: TenantSpec;
    /** Per API key worlds. */
    tenants: Record<string, TenantSpec>;
    /** API keys that are refused (401). */
    revokedKeys: string[];
    catalog: EnrichmentDefinition[];
  };
  timing: { default: TimingModel; profiles: Record<string, TimingModel> };
  races: RaceModel;
  /** Run time-to-live per vendor; null keeps runs forever. */
  expiry: Record<Vendor, number | null>;
  faults: FaultRule[];
  tolerance: ToleranceModel;
  /** Webhook delivery; absent means `DEFAULT_WEBHOOK_MODEL` (loaded scenarios always have it). */
  webhooks?: WebhookModel;
}
