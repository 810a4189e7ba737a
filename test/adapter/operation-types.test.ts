import { describe, expectTypeOf, it } from 'vitest';
import type {
  OperationContext,
  OperationHandler,
  OperationHandlers,
  OperationResponse,
  PathParams,
  QueryParams,
  RequestBody,
  ResponseBody,
} from '../../src/adapter/vendor-definition.js';
import type { Run, RunOwner } from '../../src/core/run.js';
import type { Simulator } from '../../src/core/simulator.js';
import type {
  components as ExaSchemas,
  operations as ExaDocumentOperations,
} from '../../src/generated/exa-websets.types.js';
import type { components, operations } from '../../src/generated/puffle.types.js';
import type { operations as SendkitOperations } from '../../src/generated/sendkit.types.js';
import { createExaVendor } from '../../src/vendors/exa/exa-vendor.js';
import type { ExaOperations } from '../../src/vendors/exa/exa-handlers.js';
import { PUFFLE, type PuffleRunMeta } from '../../src/vendors/puffle/run-meta.js';

// Checked by `tsc --noEmit` (the test files are in tsconfig.json); vitest runs the assertions as no-ops.
describe('operation handlers are typed from the generated operations', () => {
  it('types path parameters, query and body from the operation, empty where it declares none', () => {
    expectTypeOf<PathParams<operations['puffleGetEnrichmentRun']>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<PathParams<operations['puffleListEnrichments']>>().toEqualTypeOf<Record<string, never>>();
    expectTypeOf<QueryParams<operations['puffleListEnrichmentRunItems']>['status']>().toEqualTypeOf<
      components['schemas']['ItemStatus'] | undefined
    >();
    expectTypeOf<QueryParams<SendkitOperations['sendkitGetEnrichmentJob']>>().toEqualTypeOf<
      Record<string, never>
    >();
    expectTypeOf<RequestBody<operations['puffleCreateEnrichmentRun']>>().toEqualTypeOf<
      components['schemas']['CreateEnrichmentRunRequest']
    >();
    expectTypeOf<RequestBody<operations['puffleGetEnrichmentRun']>>().toEqualTypeOf<undefined>();
    expectTypeOf<RequestBody<ExaOperations['exaUpdateWebset']>>().toEqualTypeOf<
      ExaSchemas['schemas']['UpdateWebsetRequest']
    >();
  });

  it('refuses a handler registered under another operation, and a map that misses one', () => {
    const getRun: OperationHandler<operations['puffleGetEnrichmentRun']> = (context) =>
      context.fail(404, 'not_found', `Enrichment run ${context.params.id} not found.`);
    expectTypeOf(getRun).not.toExtend<OperationHandler<operations['puffleCreateEnrichmentRun']>>();
    expectTypeOf<{ puffleGetEnrichmentRun: typeof getRun }>().not.toExtend<OperationHandlers<operations>>();
    expectTypeOf<OperationContext<operations['puffleGetEnrichmentRun']>['body']>().toEqualTypeOf<undefined>();
  });

  it("types success bodies from the operation's responses", () => {
    expectTypeOf<ResponseBody<operations['puffleGetEnrichmentRun']>>().toEqualTypeOf<
      components['schemas']['GetEnrichmentRunResponse']
    >();
    expectTypeOf({ status: 200, body: 'run_1' }).not.toExtend<
      OperationResponse<operations['puffleGetEnrichmentRun']>
    >();
  });

  it('makes every vendor handle every operation of its document it serves', () => {
    expectTypeOf(createExaVendor().operations).toHaveProperty('exaListEvents');
    expectTypeOf<keyof ExaOperations>().toEqualTypeOf<
      Exclude<keyof ExaDocumentOperations, 'exaWebhookEventDelivery'>
    >();
  });
});

describe('run meta is typed by the vendor that owns the run', () => {
  it('gives Puffle its own meta back, and an untyped name unknown meta', () => {
    const findPuffle = (simulator: Simulator) => simulator.getRun('key', 'id', PUFFLE);
    const findSendkit = (simulator: Simulator) => simulator.getRun('key', 'id', 'sendkit');
    expectTypeOf(findPuffle).returns.toEqualTypeOf<Run<PuffleRunMeta> | undefined>();
    expectTypeOf(findSendkit).returns.toEqualTypeOf<Run | undefined>();
    expectTypeOf(PUFFLE).toEqualTypeOf<RunOwner<PuffleRunMeta>>();
  });
});
