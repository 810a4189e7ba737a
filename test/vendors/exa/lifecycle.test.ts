import { runLifecycleSuite, type NeutralStatus } from '../../support/lifecycle-suite.js';
import type { TransportHarness } from '../../support/mock-harness.js';
import { EMAIL, exaClient, websetBody } from './exa-api.js';

/** The driver's run id: the Webset and the Enrichment (Enrichments live under their Webset). */
const split = (id: string): [string, string] => {
  const [webset = '', enrichment = ''] = id.split('/');
  return [webset, enrichment];
};

/**
 * Exa's words in neutral terms. An Enrichment is `pending` until done, so "running" is read from its
 * Webset: `pending` while its work is queued, `running` once it started. A dispatch failure answers 502
 * but records the Webset, found again by its externalId as a client recovering from a 502 would.
 * Cancelling an already canceled or completed Enrichment is an idempotent 200 in Exa: the driver reports
 * it as the neutral `not_cancellable` (nothing was cancelled), reading the Enrichment before cancelling.
 */
runLifecycleSuite({
  vendor: 'exa',
  apiKey: (n) => `exa_lifecycle_${n}`,
  async start(harness: TransportHarness, apiKey) {
    const client = exaClient(harness, apiKey);
    const externalId = `lifecycle-${apiKey}`;
    const created = await client.createWebset(websetBody(25, [EMAIL], { externalId }));
    const webset = created.status === 502 ? (await client.getWebset(externalId)).json : created.json;
    const enrichment: unknown =
      created.status === 201 || created.status === 502 ? webset?.enrichments?.[0]?.id : undefined;
    return {
      status: created.status,
      id: typeof enrichment === 'string' ? `${String(webset.id)}/${enrichment}` : undefined,
    };
  },
  async status(harness, apiKey, id) {
    const client = exaClient(harness, apiKey);
    const [webset, enrichment] = split(id);
    const response = await client.getEnrichment(webset, enrichment);
    if (response.status !== 200) return response.status;
    if (response.json.status === 'canceled') return 'cancelled';
    if (response.json.status === 'completed') return 'completed';
    const parent = await client.getWebset(webset);
    return (parent.json.status === 'running' ? 'running' : 'pending') satisfies NeutralStatus;
  },
  async cancel(harness, apiKey, id) {
    const client = exaClient(harness, apiKey);
    const [webset, enrichment] = split(id);
    const before = await client.getEnrichment(webset, enrichment);
    if (before.status === 404) return 'not_found';
    const response = await client.cancelEnrichment(webset, enrichment);
    if (response.status === 404) return 'not_found';
    const settled = ['canceled', 'completed'].includes(before.json.status);
    if (response.status === 200) return settled ? 'not_cancellable' : 'ok';
    return 'not_cancellable';
  },
  reportsStatusChanged: false,
  reportsFailed: false,
  dispatchFailureStatus: 502,
});
