import { isVendor, type Vendor } from '../vendors/vendor-descriptors.js';
import type { RecordedDelivery } from '../webhooks/outbox.js';
import { checkCreate, newCreateState, recheckCreates, type CreateState } from './create-checks.js';
import { createFindings, type Findings } from './findings.js';
import type { ObservedExchange } from './observed-exchange.js';
import { toReport, type ConformanceReport } from './report.js';
import { checkRequest, newRequestState, type RequestState } from './request-checks.js';
import { checkRunTouch, newRun, type RunState } from './run-checks.js';
import { CONFORMANCE_FACTS } from './conformance-facts.js';
import { isSuccess } from '../http/is-success.js';

/** What the judge reads: exchanges oldest first, the webhook attempts made, and what the journal lost. */
export interface JudgeInput {
  exchanges: readonly ObservedExchange[];
  deliveries?: readonly RecordedDelivery[];
  /** Entries the journal dropped before these: findings that needed them may be missing. */
  dropped?: number;
}

/** Everything remembered of one API key at one vendor. */
interface TenantState {
  runs: Map<string, RunState>;
  requests: RequestState;
  creates: CreateState;
}

function judgeDeliveries(findings: Findings, deliveries: readonly RecordedDelivery[]): void {
  for (const delivery of deliveries) {
    if (isSuccess(delivery.statusCode)) continue;
    findings.add(
      'webhook-receiver-failing',
      'exa',
      delivery.tenant,
      delivery.webhookId,
      () =>
        `The receiver of webhook ${delivery.webhookId} at ${delivery.url} ${delivery.statusCode === 0 ? 'did not answer within the timeout (or could not be reached)' : `answered ${delivery.statusCode}`} (attempt ${delivery.id}).`,
      [delivery.id],
    );
  }
}

/**
 * Judges how a client behaved: walks the exchanges once, oldest first, keeping per API key and vendor
 * the runs it polled, the waits it was asked for and the creates it sent, and returns every rule it
 * broke with the entries that show it. Pure: time is each exchange's mock-clock instant.
 *
 * @example
 * const report = judge({ exchanges: runtime.journal.entries().map(fromJournalEntry), dropped: runtime.journal.dropped });
 * report.findings.filter((finding) => finding.severity === 'error');
 */
export function judge(input: JudgeInput): ConformanceReport {
  const findings = createFindings();
  const states = new Map<string, TenantState>();
  const tenants = new Map<Vendor, Set<string>>();
  for (const exchange of input.exchanges) {
    const { vendor } = exchange;
    if (!isVendor(vendor)) continue;
    const facts = CONFORMANCE_FACTS[vendor];
    if (exchange.tenant !== null)
      tenants.set(vendor, (tenants.get(vendor) ?? new Set()).add(exchange.tenant));
    const key = `${vendor}\u0000${exchange.tenant ?? ''}`;
    let state = states.get(key);
    if (!state) {
      state = { runs: new Map(), requests: newRequestState(), creates: newCreateState() };
      states.set(key, state);
    }
    const { runs } = state;
    const touch = facts.touch(exchange);
    checkRequest(findings, vendor, state.requests, exchange, touch?.final ?? false);
    if (touch) {
      let run = runs.get(touch.runId);
      if (!run) runs.set(touch.runId, (run = newRun(exchange.at)));
      checkRunTouch(findings, vendor, run, touch, exchange);
    }
    for (const create of facts.creates(exchange)) {
      checkCreate(
        findings,
        vendor,
        state.creates,
        create,
        exchange,
        (runId) => (runs.get(runId)?.terminalId ?? null) !== null,
      );
      for (const runId of create.runIds) if (!runs.has(runId)) runs.set(runId, newRun(exchange.at));
    }
    const scope = isSuccess(exchange.status) ? facts.rechecks(exchange) : null;
    if (scope !== null) recheckCreates(state.creates, scope);
  }
  judgeDeliveries(findings, input.deliveries ?? []);
  return toReport(findings.list(), {
    judged: input.exchanges.length,
    dropped: input.dropped ?? 0,
    tenants,
  });
}
