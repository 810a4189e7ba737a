import type { OperationHandler, OperationHandlers, RequestContext } from '../../adapter/vendor-definition.js';
import type { operations } from '../../generated/exa-websets.types.js';

/** The operations the mock serves: all of the document's but the Webhook delivery, which it sends. */
export type ExaOperations = Omit<operations, 'exaWebhookEventDelivery'>;

/** The handler of one Exa operation, its request typed from the document. */
export type ExaHandler<Id extends keyof ExaOperations> = OperationHandler<ExaOperations[Id]>;

/**
 * Handlers for some of the Exa operations, each typed for its own.
 *
 * @example
 * const handlers: ExaHandlers<'exaGetEvent'> = { exaGetEvent: (context) => ok(context.params.id) };
 */
export type ExaHandlers<Id extends keyof ExaOperations> = Pick<OperationHandlers<ExaOperations>, Id>;

/** A request to an operation on one Item or Enrichment of a Webset (`/websets/{webset}/.../{id}`). */
export type WebsetPartContext = RequestContext & { params: { webset: string; id: string } };
