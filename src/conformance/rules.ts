import type { Vendor } from '../scenario/types.js';

export type Severity = 'error' | 'warning';

export type RuleId =
  | 'poll-interval-too-short'
  | 'poll-past-deadline'
  | 'poll-after-terminal'
  | 'retry-after-ignored'
  | 'create-retry-without-idempotency-key'
  | 'idempotency-key-reused-with-other-body'
  | 'retry-on-non-retryable'
  | 'cancel-conflict-not-rechecked'
  | 'webhook-receiver-failing';

/** One documented client obligation of one vendor. */
export interface Rule {
  id: RuleId;
  severity: Severity;
  vendor: Vendor;
  /** The doc sentence the rule comes from, quoted, and where it is (seed page or vendor fact sheet). */
  source: { quote: string; from: string };
  /** What a client should do instead. */
  hint: string;
  /** A threshold the docs do not give, and the value chosen (a modelling decision). */
  decision?: string;
}

const PUFFLE_STATUS = 'seeds/puffle-get-enrichment-run-status.txt';
const PUFFLE_ENRICH = 'seeds/puffle-enrich-leads.txt';
const PUFFLE_CANCEL = 'seeds/puffle-cancel-enrichment.txt';
const FACTS = 'reference/vendor-apis.md';

/** The minimum time between two polls of a pending or running run: Puffle's lower bound, for every vendor. */
export const POLL_INTERVAL_MS = 2_000;
/** Puffle's "give up at 10 minutes", counted from the create (else the first poll). */
export const PUFFLE_POLL_DEADLINE_MS = 10 * 60_000;
/** Polls after the client saw a run's terminal status that are tolerated: one confirming read. */
export const POLLS_AFTER_TERMINAL_ALLOWED = 1;
/** An identical create this soon after the earlier one (whose run the client has not seen finish) is a retry. */
export const CREATE_RETRY_WINDOW_MS = 10 * 60_000;
/** Statuses after which the identical request will get the identical answer. */
export const NON_RETRYABLE_STATUSES: ReadonlySet<number> = new Set([400, 401, 402, 404, 422]);

const SILENT_CADENCE = (vendor: string): string =>
  `${vendor}'s docs give no polling cadence: the mock asks for at least ${POLL_INTERVAL_MS / 1000} s between polls, Puffle's lower bound, so every vendor is judged alike.`;

const pollInterval = (vendor: Vendor, source: Rule['source'], decision?: string): Rule => ({
  id: 'poll-interval-too-short',
  severity: 'error',
  vendor,
  source,
  hint: `Wait at least ${POLL_INTERVAL_MS / 1000} s between two polls of the same run (Puffle asks for 2 to 5 s); with the in-process mock, wait through mock.sleep so virtual time passes.`,
  ...(decision === undefined ? {} : { decision }),
});

const afterTerminal = (vendor: Vendor, quote: string, from: string): Rule => ({
  id: 'poll-after-terminal',
  severity: 'warning',
  vendor,
  source: { quote, from },
  hint: 'Stop polling once a poll or a cancel has answered a terminal status; read the results instead.',
  decision: `"Again and again" is more than ${POLLS_AFTER_TERMINAL_ALLOWED} poll in a row after the client received the terminal status: one confirming read is fine, and a cancel in between starts the count again (its answer is a minimal projection a client may read the run after).`,
});

const retryAfter = (vendor: Vendor, quote: string): Rule => ({
  id: 'retry-after-ignored',
  severity: 'error',
  vendor,
  source: { quote, from: FACTS },
  hint: 'After a 429 or 503, wait at least the Retry-After (seconds or an HTTP date) before sending the same request again.',
  decision:
    'A repeat is the next request of the same API key with the same method and path; the wait is measured between the two requests on the mock clock.',
});

const createRetry = (vendor: Vendor, quote: string, from: string, hint: string): Rule => ({
  id: 'create-retry-without-idempotency-key',
  severity: 'error',
  vendor,
  source: { quote, from },
  hint,
  decision: `A create is a retry of an identical one (same API key and body) sent less than ${CREATE_RETRY_WINDOW_MS / 60_000} minutes earlier that was not refused (answered 2xx, 5xx or not at all), while the client has not seen the run it made finish.`,
});

const nonRetryable = (vendor: Vendor, quote: string, from: string): Rule => ({
  id: 'retry-on-non-retryable',
  severity: 'warning',
  vendor,
  source: { quote, from },
  hint: 'Do not send the identical request again after 400, 401, 402, 404 or 422 (or a cancel after run_not_cancellable): fix the request, the key or the credits first, or treat the answer as final.',
  decision:
    'Identical means the same API key, method, path, query and body; the state may change in between only through calls the journal does not see (kit tenant controls).',
});

const webhookSource = {
  quote: 'successful: Whether the attempt was successful',
  from: 'reference/exa-websets-spec.yaml, WebhookAttempt',
};

/** Every rule the mock judges clients by, one per documented obligation and vendor. */
export const RULES: readonly Rule[] = [
  pollInterval('puffle', {
    quote: 'Polling cadence: every 2 to 5 s while status is pending or running.',
    from: PUFFLE_STATUS,
  }),
  pollInterval(
    'sendkit',
    { quote: 'Statuses pending | processing | completed | failed | cancelled.', from: FACTS },
    SILENT_CADENCE('Sendkit'),
  ),
  pollInterval(
    'exa',
    { quote: '`WebsetEnrichment.status` is `pending | canceled | completed`', from: FACTS },
    SILENT_CADENCE('Exa'),
  ),
  {
    id: 'poll-past-deadline',
    severity: 'error',
    vendor: 'puffle',
    source: { quote: 'Give up at 10 minutes and escalate with trigger.triggerRunId.', from: PUFFLE_STATUS },
    hint: 'Stop polling a run 10 minutes after creating it; report it (with run.trigger.triggerRunId) instead of waiting longer.',
    decision:
      'The 10 minutes count from the create that started the run, or from the first poll when the journal holds no create.',
  },
  afterTerminal(
    'puffle',
    'GET /api/enrichment/{id} — poll every 2 to 5 s until status is completed, failed, or cancelled.',
    PUFFLE_ENRICH,
  ),
  afterTerminal('sendkit', 'Statuses pending | processing | completed | failed | cancelled.', FACTS),
  afterTerminal('exa', '`WebsetEnrichment.status` is `pending | canceled | completed` (one L).', FACTS),
  retryAfter('puffle', 'Rate limits exist per endpoint, numbers unpublished; 429 may carry `Retry-After`.'),
  retryAfter(
    'sendkit',
    '429 with `Retry-After`; rate-limit headers on every response (numbers unpublished).',
  ),
  retryAfter('exa', 'statuses 400, 401, 402, 403, 404, 409, 422, 429, 500, 502, 503.'),
  createRetry(
    'puffle',
    'Pass idempotencyKey to safely retry. A repeat call with the same key returns the existing execution (reusedExistingRun: true) instead of creating a duplicate or double-charging.',
    PUFFLE_ENRICH,
    'Choose one idempotencyKey per logical create and send it with every try of that create.',
  ),
  createRetry(
    'sendkit',
    'Credits up front: email 1/lead, phoneEnrichment 20/lead, segGateway and espDetection free.',
    FACTS,
    'Sendkit has no idempotency key: do not resend the same leads and type while their job is live; after a lost answer, check the leads (GET /v1/leads) before sending again.',
  ),
  createRetry(
    'exa',
    'Websets themselves (`POST/GET/LIST/DELETE /v0/websets`, status idle|pending|running|paused; 409 on a duplicate externalId) must exist for enrichments to have a home.',
    FACTS,
    'Give every Webset an externalId (a retry then gets 409 and you read it back); before creating an Enrichment again after a lost answer, read the Webset and look for it among Webset.enrichments.',
  ),
  {
    id: 'idempotency-key-reused-with-other-body',
    severity: 'error',
    vendor: 'puffle',
    source: {
      quote: 'A repeat call with the same key returns the existing execution (reusedExistingRun: true)',
      from: PUFFLE_ENRICH,
    },
    hint: 'An idempotencyKey names one logical create: make a new key for a different scope, enrichment or input.',
  },
  nonRetryable(
    'puffle',
    'A second call after success returns 409 with run_not_cancellable; treat that as idempotent success.',
    PUFFLE_CANCEL,
  ),
  nonRetryable(
    'sendkit',
    'Jobs that are already completed, failed, or cancelled cannot be cancelled.',
    'seeds/sendkit-cancel-job.txt',
  ),
  nonRetryable('exa', 'statuses 400, 401, 402, 403, 404, 409, 422, 429, 500, 502, 503.', FACTS),
  {
    id: 'cancel-conflict-not-rechecked',
    severity: 'error',
    vendor: 'puffle',
    source: {
      quote:
        'If run_status_changed, re-fetch with Enrichment status — the Enrichment may already have finished.',
      from: PUFFLE_CANCEL,
    },
    hint: 'After 409 run_status_changed, GET /api/enrichment/{id} before acting on the run again: it may have finished.',
  },
  {
    id: 'webhook-receiver-failing',
    severity: 'error',
    vendor: 'exa',
    source: webhookSource,
    hint: 'Answer every delivery with a 2xx within the timeout (5 s by default): acknowledge first, process later, and deduplicate by event id.',
    decision:
      "An attempt is successful when the receiver answers 2xx within the scenario's webhooks.timeout (5 s by default), as the mock's delivery model says. Judged on the attempts the mock made (GET /websets/v0/webhooks/{id}/attempts lists them): evidence names attempt ids, not journal entries, and a recorded HAR holds none.",
  },
];

/** The rule with `id` for `vendor`, if that vendor has it. */
export const ruleFor = (id: RuleId, vendor: Vendor): Rule | undefined =>
  RULES.find((rule) => rule.id === id && rule.vendor === vendor);
