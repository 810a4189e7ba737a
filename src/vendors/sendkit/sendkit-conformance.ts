import { field, runTouch, text, type VendorFacts } from '../../conformance/vendor-facts.js';
import { TERMINAL } from '../../core/run.js';

/** The job ids of an enrich answer, by the requested type at the same position (one job per type). */
function jobIds(responseBody: unknown, types: string[]): Map<string, string[]> {
  const jobs = field(responseBody, 'data', 'jobs');
  const ids = Array.isArray(jobs) ? jobs.flatMap((job) => text(job, 'jobId') ?? []) : [];
  return new Map(
    types.map((type, index) => {
      const own = ids.length === types.length ? ids[index] : undefined;
      return [type, own === undefined ? ids : [own]];
    }),
  );
}

/**
 * Sendkit's client obligations in its own words: `GET /v1/enrichment/jobs/{jobId}` polls a job,
 * `.../cancel` cancels it, and `POST /v1/enrichment/enrich` starts one job per type for the leads (no
 * idempotency key: the same leads and type again is a second job and a second charge).
 *
 * @example
 * sendkitConformance.creates(exchange); // [{ identity: 'lead_a,lead_b|email', guarded: false, ... }]
 */
export const sendkitConformance: VendorFacts = {
  touch: (exchange) =>
    runTouch(exchange, {
      poll: 'sendkitGetEnrichmentJob',
      cancel: 'sendkitCancelEnrichmentJob',
      runIdAt: 3,
      // Only a running job is renamed (`processing`): the terminal statuses are the core's.
      status: ['data', 'status'],
      terminal: TERMINAL,
    }),
  creates(exchange) {
    if (exchange.operation !== 'sendkitEnrichLeads') return [];
    const leadIds = field(exchange.requestBody, 'leadIds');
    const types = field(exchange.requestBody, 'enrichmentTypes');
    if (!Array.isArray(leadIds) || !Array.isArray(types)) return [];
    const leads = [...new Set(leadIds.map(String))].sort().join(',');
    const unique = [...new Set(types.map(String))];
    const ids = jobIds(exchange.responseBody, unique);
    return unique.map((type) => ({
      identity: `${leads}|${type}`,
      idempotencyKey: null,
      guarded: false,
      runIds: ids.get(type) ?? [],
      recheck: null,
    }));
  },
  rechecks: () => null,
};
