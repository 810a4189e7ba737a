import { stableJson } from '../../http/stable-json.js';
import { runTouch, segment, text, type VendorFacts } from '../../conformance/vendor-facts.js';

const TERMINAL: ReadonlySet<string> = new Set(['completed', 'canceled']);

/**
 * Exa's client obligations in its own words: `GET .../websets/{webset}/enrichments/{id}` polls an
 * Enrichment, `.../cancel` cancels it; `POST /websets` is safe to resend with an `externalId` (409 on a
 * duplicate), `POST .../enrichments` has no key, so a lost answer is settled by reading the Webset.
 *
 * @example
 * exaConformance.rechecks(exchange); // 'ws_1' for GET /websets/v0/websets/ws_1
 */
export const exaConformance: VendorFacts = {
  touch: (exchange) =>
    runTouch(exchange, {
      poll: 'exaGetEnrichment',
      cancel: 'exaCancelEnrichment',
      runIdAt: 5,
      status: ['status'],
      terminal: TERMINAL,
    }),
  creates(exchange) {
    const { operation, requestBody } = exchange;
    if (operation === 'exaCreateWebset') {
      const externalId = text(requestBody, 'externalId');
      return [
        {
          identity: stableJson(requestBody),
          idempotencyKey: null,
          guarded: externalId !== null && externalId !== '',
          runIds: [],
          recheck: null,
        },
      ];
    }
    if (operation !== 'exaCreateEnrichment') return [];
    const webset = segment(exchange.path, 3);
    const id = text(exchange.responseBody, 'id');
    return [
      {
        identity: `${webset}|${stableJson(requestBody)}`,
        idempotencyKey: null,
        guarded: false,
        runIds: id === null ? [] : [id],
        recheck: webset,
      },
    ];
  },
  rechecks: (exchange) => (exchange.operation === 'exaGetWebset' ? segment(exchange.path, 3) : null),
};
