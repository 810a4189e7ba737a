import { describe, expect, it } from 'vitest';
import { judge } from '../../src/conformance/judge.js';
import type { ObservedExchange } from '../../src/conformance/observed-exchange.js';
import type { RecordedDelivery } from '../../src/webhooks/outbox.js';

// Every rule, with one client that breaks it and one that keeps it, as journal-like exchanges.

const T0 = Date.parse('2026-01-05T09:00:00Z');
let counter = 0;

/** One exchange of tenant `k`, at `t` ms after T0. */
function ex(change: Partial<ObservedExchange> & { t: number }): ObservedExchange {
  counter += 1;
  const { t, ...rest } = change;
  return {
    id: `ex_${counter}`,
    vendor: 'puffle',
    tenant: 'k',
    operation: null,
    method: 'GET',
    path: '/',
    query: '',
    requestBody: null,
    status: 200,
    responseHeaders: {},
    responseBody: null,
    at: T0 + t,
    ...rest,
  };
}

const pufflePoll = (t: number, status = 'running', runId = 'run_1') =>
  ex({
    t,
    operation: 'puffleGetEnrichmentRun',
    path: `/api/enrichment/${runId}`,
    responseBody: { run: { id: runId, status } },
  });
const puffleCreate = (t: number, body: Record<string, unknown>, status = 200, runId = 'run_1') =>
  ex({
    t,
    operation: 'puffleCreateEnrichmentRun',
    method: 'POST',
    path: '/api/enrichment',
    requestBody: body,
    status,
    responseBody: status === 200 ? { enrichmentRunId: runId } : { code: 'X' },
  });
const puffleCancel = (t: number, status: number, body: unknown, runId = 'run_1') =>
  ex({
    t,
    operation: 'puffleCancelEnrichmentRun',
    method: 'POST',
    path: `/api/enrichment/${runId}/cancel`,
    status,
    responseBody: body,
  });
const sendkitPoll = (t: number, status = 'processing') =>
  ex({
    t,
    vendor: 'sendkit',
    operation: 'sendkitGetEnrichmentJob',
    path: '/v1/enrichment/jobs/job_1',
    responseBody: { success: true, data: { id: 'job_1', status } },
  });
const sendkitEnrich = (t: number, leadIds: string[]) =>
  ex({
    t,
    vendor: 'sendkit',
    operation: 'sendkitEnrichLeads',
    method: 'POST',
    path: '/v1/enrichment/enrich',
    requestBody: { leadIds, enrichmentTypes: ['email'] },
    responseBody: { success: true, data: { jobs: [{ jobId: 'job_1' }] } },
  });
const exaPoll = (t: number, status = 'pending') =>
  ex({
    t,
    vendor: 'exa',
    operation: 'exaGetEnrichment',
    path: '/websets/v0/websets/ws_1/enrichments/we_1',
    responseBody: { id: 'we_1', status },
  });
const exaCreateEnrichment = (t: number, status = 200) =>
  ex({
    t,
    vendor: 'exa',
    operation: 'exaCreateEnrichment',
    method: 'POST',
    path: '/websets/v0/websets/ws_1/enrichments',
    requestBody: { description: 'Email', format: 'email' },
    status,
    responseBody: status === 200 ? { id: 'we_1', status: 'pending' } : { tag: 'X' },
  });
const exaGetWebset = (t: number) =>
  ex({ t, vendor: 'exa', operation: 'exaGetWebset', path: '/websets/v0/websets/ws_1', responseBody: {} });

const rulesOf = (exchanges: ObservedExchange[], deliveries: RecordedDelivery[] = []) =>
  judge({ exchanges, deliveries }).findings.map((finding) => `${finding.vendor}:${finding.rule}`);

const KEY = { enrichmentId: 'work_email', scope: { type: 'list', listId: 'l' }, input: {} };

describe('conformance rules: a client that breaks each rule, and one that keeps it', () => {
  it.each([
    ['puffle', [pufflePoll(0), pufflePoll(100)], [pufflePoll(0), pufflePoll(2_000)]],
    ['sendkit', [sendkitPoll(0), sendkitPoll(1_999)], [sendkitPoll(0), sendkitPoll(3_000)]],
    ['exa', [exaPoll(0), exaPoll(500)], [exaPoll(0), exaPoll(5_000)]],
  ])('poll-interval-too-short (%s)', (vendor, broken, kept) => {
    expect(rulesOf(broken)).toEqual([`${vendor}:poll-interval-too-short`]);
    expect(rulesOf(kept)).toEqual([]);
  });

  it('poll-interval-too-short measures only after a poll that found the run still going', () => {
    const afterError = [{ ...pufflePoll(0), status: 500, responseBody: {} }, pufflePoll(300)];
    expect(rulesOf(afterError)).toEqual([]);
  });

  it('poll-past-deadline: a Puffle run polled more than 10 minutes after its create', () => {
    const create = puffleCreate(0, { ...KEY, idempotencyKey: 'a' });
    expect(rulesOf([create, pufflePoll(600_000), pufflePoll(603_000)])).toEqual([
      'puffle:poll-past-deadline',
    ]);
    expect(
      rulesOf([puffleCreate(0, { ...KEY, idempotencyKey: 'a' }), pufflePoll(597_000), pufflePoll(600_000)]),
    ).toEqual([]);
  });

  it('poll-after-terminal: polled again and again after a terminal status (one confirming read is fine)', () => {
    expect(
      rulesOf([pufflePoll(0, 'completed'), pufflePoll(3_000, 'completed'), pufflePoll(6_000, 'completed')]),
    ).toEqual(['puffle:poll-after-terminal']);
    expect(
      rulesOf([pufflePoll(0, 'running'), pufflePoll(3_000, 'completed'), pufflePoll(6_000, 'completed')]),
    ).toEqual([]);
    const cancelled = puffleCancel(0, 200, { run: { status: 'cancelled' } });
    const again = puffleCancel(4_000, 409, { reason: 'run_not_cancellable' });
    expect(
      rulesOf([cancelled, pufflePoll(1_000, 'cancelled'), again, pufflePoll(5_000, 'cancelled')]),
    ).toEqual([]);
    expect(rulesOf([exaPoll(0, 'canceled'), exaPoll(3_000, 'canceled'), exaPoll(6_000, 'canceled')])).toEqual(
      ['exa:poll-after-terminal'],
    );
  });

  it('retry-after-ignored: the same call sooner than the Retry-After of its 429 or 503', () => {
    const limited = (t: number) => ({
      ...pufflePoll(t),
      status: 429,
      responseHeaders: { 'retry-after': '2' },
    });
    expect(rulesOf([limited(0), pufflePoll(500)])).toEqual(['puffle:retry-after-ignored']);
    expect(rulesOf([limited(0), pufflePoll(2_000)])).toEqual([]);
    const dated = {
      ...sendkitPoll(0),
      status: 503,
      responseHeaders: { 'retry-after': new Date(T0 + 5_000).toUTCString() },
    };
    expect(rulesOf([dated, sendkitPoll(1_000)])).toEqual(['sendkit:retry-after-ignored']);
  });

  it('create-retry-without-idempotency-key (Puffle): the same create again without a key', () => {
    expect(rulesOf([puffleCreate(0, KEY, 503), puffleCreate(1_000, KEY)])).toEqual([
      'puffle:create-retry-without-idempotency-key',
    ]);
    expect(
      rulesOf([
        puffleCreate(0, { ...KEY, idempotencyKey: 'a' }, 503),
        puffleCreate(1_000, { ...KEY, idempotencyKey: 'a' }),
      ]),
    ).toEqual([]);
    // A refused create (402) started nothing: sending it again is a retry of a final answer, not a double charge.
    expect(rulesOf([puffleCreate(0, KEY, 402), puffleCreate(1_000, KEY, 402)])).toEqual([
      'puffle:retry-on-non-retryable',
    ]);
    // A new run of the same enrichment once the first one is seen finished is a new create.
    expect(
      rulesOf([puffleCreate(0, KEY), pufflePoll(3_000, 'completed'), puffleCreate(4_000, KEY, 200, 'run_2')]),
    ).toEqual([]);
    expect(
      rulesOf([puffleCreate(0, { ...KEY, mode: 'preview' }), puffleCreate(1, { ...KEY, mode: 'preview' })]),
    ).toEqual([]);
  });

  it('create-retry-without-idempotency-key (Sendkit): the same leads and type while the job is live', () => {
    expect(rulesOf([sendkitEnrich(0, ['a', 'b']), sendkitEnrich(1_000, ['b', 'a'])])).toEqual([
      'sendkit:create-retry-without-idempotency-key',
    ]);
    expect(
      rulesOf([
        sendkitEnrich(0, ['a', 'b']),
        sendkitPoll(3_000, 'completed'),
        sendkitEnrich(4_000, ['a', 'b']),
      ]),
    ).toEqual([]);
    expect(rulesOf([sendkitEnrich(0, ['a']), sendkitEnrich(1_000, ['b'])])).toEqual([]);
  });

  it('create-retry-without-idempotency-key (Exa): an Enrichment created again without reading the Webset', () => {
    expect(rulesOf([exaCreateEnrichment(0, 500), exaCreateEnrichment(1_000)])).toEqual([
      'exa:create-retry-without-idempotency-key',
    ]);
    expect(rulesOf([exaCreateEnrichment(0, 500), exaGetWebset(500), exaCreateEnrichment(1_000)])).toEqual([]);
    const webset = (t: number, body: Record<string, unknown>) =>
      ex({
        t,
        vendor: 'exa',
        operation: 'exaCreateWebset',
        method: 'POST',
        path: '/websets/v0/websets',
        requestBody: body,
        status: 0,
      });
    expect(
      rulesOf([webset(0, { search: { query: 'q' } }), webset(1_000, { search: { query: 'q' } })]),
    ).toEqual(['exa:create-retry-without-idempotency-key']);
    expect(rulesOf([webset(0, { externalId: 'x' }), webset(1_000, { externalId: 'x' })])).toEqual([]);
  });

  it('idempotency-key-reused-with-other-body: one key, two different creates', () => {
    const other = { ...KEY, enrichmentId: 'hiring_status' };
    expect(
      rulesOf([
        puffleCreate(0, { ...KEY, idempotencyKey: 'a' }),
        puffleCreate(9_000, { ...other, idempotencyKey: 'a' }, 409),
      ]),
    ).toEqual(['puffle:idempotency-key-reused-with-other-body']);
    expect(
      rulesOf([
        puffleCreate(0, { ...KEY, idempotencyKey: 'a' }),
        puffleCreate(9_000, { ...other, idempotencyKey: 'b' }, 200, 'run_2'),
      ]),
    ).toEqual([]);
  });

  it('retry-on-non-retryable: the identical request after 400/401/402/404/422, or a cancel after run_not_cancellable', () => {
    const missing = (t: number) => ({ ...pufflePoll(t), status: 404, responseBody: { code: 'NOT_FOUND' } });
    expect(rulesOf([missing(0), missing(5_000)])).toEqual(['puffle:retry-on-non-retryable']);
    expect(rulesOf([missing(0)])).toEqual([]);
    const over = (t: number) => puffleCancel(t, 409, { reason: 'run_not_cancellable' });
    expect(rulesOf([over(0), over(3_000)])).toEqual(['puffle:retry-on-non-retryable']);
    expect(rulesOf([over(0), pufflePoll(3_000, 'cancelled')])).toEqual([]);
  });

  it('cancel-conflict-not-rechecked: acting on the run again after 409 run_status_changed without a read', () => {
    const conflict = puffleCancel(0, 409, { reason: 'run_status_changed' });
    expect(rulesOf([conflict, puffleCancel(1_000, 409, { reason: 'run_not_cancellable' })])).toEqual([
      'puffle:cancel-conflict-not-rechecked',
    ]);
    expect(
      rulesOf([puffleCancel(0, 409, { reason: 'run_status_changed' }), pufflePoll(1_000, 'completed')]),
    ).toEqual([]);
  });

  it('webhook-receiver-failing: an Exa receiver that answers non-2xx or not in time', () => {
    const attempt = (id: string, statusCode: number): RecordedDelivery => ({
      id,
      tenant: 'k',
      webhookId: 'wh_1',
      url: 'http://receiver.test/hooks',
      statusCode,
    });
    const report = judge({
      exchanges: [],
      deliveries: [attempt('wa_1', 500), attempt('wa_2', 0), attempt('wa_3', 200)],
    });
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'webhook-receiver-failing',
        vendor: 'exa',
        evidence: ['wa_1', 'wa_2'],
        count: 2,
      }),
    ]);
    expect(rulesOf([], [attempt('wa_4', 204)])).toEqual([]);
  });
});

describe('conformance report', () => {
  it('gathers repeats of one rule on one run into one finding with its count and evidence', () => {
    const polls = [0, 100, 200, 300].map((t) => pufflePoll(t));
    const [finding] = judge({ exchanges: polls }).findings;
    expect(finding).toMatchObject({
      rule: 'poll-interval-too-short',
      severity: 'error',
      tenant: 'k',
      count: 3,
      evidence: polls.map((poll) => poll.id),
      source: expect.stringContaining('every 2 to 5 s'),
    });
  });

  it('says when dropped journal entries may hide findings', () => {
    expect(judge({ exchanges: [], dropped: 0 }).notice).toBeUndefined();
    expect(judge({ exchanges: [], dropped: 7 }).notice).toMatch(/dropped 7 entries.*may be missing/);
  });
});
