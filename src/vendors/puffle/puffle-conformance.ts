import { runTouch, text, type VendorFacts } from '../../conformance/vendor-facts.js';
import { TERMINAL } from '../../core/run.js';
import { isRecord } from '../../openapi/document-resolver.js';
import { requestFingerprint } from './fingerprint.js';

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
    const touch = runTouch(exchange, {
      poll: 'puffleGetEnrichmentRun',
      cancel: 'puffleCancelEnrichmentRun',
      runIdAt: 2,
      // A run's status is the core's own word.
      status: ['run', 'status'],
      terminal: TERMINAL,
    });
    if (!touch) return undefined;
    const reason = exchange.status === 409 ? text(exchange.responseBody, 'reason') : null;
    return {
      ...touch,
      terminal: touch.terminal || reason === 'run_not_cancellable',
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
