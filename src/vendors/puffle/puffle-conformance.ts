import { isSuccess, segment, text, type VendorFacts } from '../../conformance/vendor-facts.js';
import { isRecord } from '../../openapi/document-resolver.js';
import { requestFingerprint } from './fingerprint.js';

const TERMINAL: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled']);

/**
 * Puffle's client obligations in its own words: `GET /api/enrichment/{id}` polls a run, `.../cancel`
 * cancels it (409 `run_not_cancellable`: already over; `run_status_changed`: re-read), and
 * `POST /api/enrichment` creates one, safe to resend with an `idempotencyKey` (`mode: preview` starts nothing).
 *
 * @example
 * puffleConformance.touch(exchange); // { kind: 'poll', runId: 'run_1', terminal: false, ... }
 */
export const puffleConformance: VendorFacts = {
  touch(exchange) {
    const { operation, status, responseBody } = exchange;
    if (operation !== 'puffleGetEnrichmentRun' && operation !== 'puffleCancelEnrichmentRun') return undefined;
    const runStatus = isSuccess(status) ? text(responseBody, 'run', 'status') : null;
    const reason = status === 409 ? text(responseBody, 'reason') : null;
    return {
      kind: operation === 'puffleGetEnrichmentRun' ? 'poll' : 'cancel',
      runId: segment(exchange.path, 2),
      terminal: (runStatus !== null && TERMINAL.has(runStatus)) || reason === 'run_not_cancellable',
      conflict: reason === 'run_status_changed',
      final: reason === 'run_not_cancellable',
    };
  },
  creates(exchange) {
    const record = exchange.requestBody;
    if (exchange.operation !== 'puffleCreateEnrichmentRun' || !isRecord(record)) return [];
    if (record['mode'] === 'preview') return [];
    const idempotencyKey = typeof record['idempotencyKey'] === 'string' ? record['idempotencyKey'] : null;
    const runId = text(exchange.responseBody, 'enrichmentRunId');
    return [
      {
        identity: requestFingerprint(record),
        idempotencyKey,
        guarded: idempotencyKey !== null && idempotencyKey !== '',
        runIds: runId === null ? [] : [runId],
        recheck: null,
      },
    ];
  },
  rechecks: () => null,
};
