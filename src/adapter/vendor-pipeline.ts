import { jsonAnswer, type Answer, type Reply } from '../http/answer.js';
import type { PlainRequest } from '../http/plain-request.js';
import { readJsonBody } from '../http/read-json-body.js';
import { operationIndexOf } from '../openapi/operation-index.js';
import { perDocument } from '../openapi/per-document.js';
import { createRequestValidator, type ValidRequest } from '../openapi/request-validator.js';
import { advanceToNextChange } from '../runtime/advance-to-next-change.js';
import type { Runtime } from '../runtime/mock-runtime.js';
import type { JournalFacts } from '../runtime/record-exchange.js';
import type { AppliedFault } from '../scenario/fault-plan.js';
import type { FaultEffect } from '../scenario/types.js';
import { applyTolerance } from './tolerance.js';
import { isTransportFault, SCENARIO_HEADER, type TransportFaultType } from './transport-fault.js';
import type {
  OperationContext,
  PipelineFailure,
  VendorDefinition,
  VendorError,
  VendorFailure,
} from './vendor-definition.js';

/** What the edge must play around an answer: a wait before it, and a transport fault instead of it. */
export interface EdgeEffects {
  latencyMs: number;
  fault?: TransportFaultType;
}

/** Everything the pipeline decided about one request. */
export interface PipelineResult {
  /** The answer as the vendor gives it (before any transport fault is played). */
  answer: Answer;
  edge: EdgeEffects;
  facts: JournalFacts;
  /** The one clock instant every decision was made at. */
  at: number;
}

/** `Retry-After` for an injected 429 or 503 whose scenario names none. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** Compiled validation per OpenAPI document: pure, so every mock in a process shares it. */
const validatorOf = perDocument(createRequestValidator);

/**
 * The one bridge from runtime validation to static types. `handle` was looked up by the operationId the
 * request was routed to, and `createVendorPipeline`'s validator just checked (and coerced) these values
 * against that operation's schemas in the same OpenAPI document openapi-typescript generated the
 * handler's `OperationContext<operations[id]>` from; so they are that operation's params, query and body,
 * which the erased handler type spells `never`.
 */
function asOperationInput(valid: ValidRequest): Pick<OperationContext<never>, 'params' | 'query' | 'body'> {
  return { params: valid.params as never, query: valid.query as never, body: valid.body as never };
}

/** What a scenario's fault effects ask of one call: the network's part and the vendor's part. */
function splitEffects(applied: readonly AppliedFault[]) {
  const effects: readonly FaultEffect[] = applied;
  const fault = effects.find(isTransportFault)?.type;
  return {
    edge: {
      latencyMs: effects.reduce((total, effect) => total + (effect.type === 'latency' ? effect.ms : 0), 0),
      ...(fault === undefined ? {} : { fault }),
    },
    status: effects.find((effect) => effect.type === 'status'),
    dispatchFailure: effects.find((effect) => effect.type === 'dispatch_failure')?.message,
    applied,
  };
}

/**
 * The runtime-neutral vendor pipeline: one vendor's requests in, plain answers out. Routing by the
 * vendor's OpenAPI document, scenario pick, auth, faults, body and validation, the operation, tolerance
 * and headers, every decision made once, synchronously, at one instant of the clock. Network faults
 * (latency, transport) come back as edge effects for the adapter to play, whatever the answer; status
 * faults and dispatch failures apply once the key is accepted.
 *
 * @example
 * const answer = createVendorPipeline(createVendors()[0], runtime);
 * const { answer: { status, body }, edge } = answer(request, 'req_1');
 */
export function createVendorPipeline(definition: VendorDefinition, runtime: Runtime) {
  const index = operationIndexOf(definition.document);
  const validator = validatorOf(definition.document);

  return (request: PlainRequest, requestId: string): PipelineResult => {
    const { method, url, headers } = request;
    const scenario = headers.get(SCENARIO_HEADER) ?? runtime.active.name;
    const match = index.match(method, url.pathname);
    const context = runtime.context(scenario);
    if (runtime.autoAdvance && method === 'GET' && match.kind === 'found' && context)
      advanceToNextChange(runtime);

    return runtime.at((now) => {
      const fail = (
        status: number,
        code: string,
        message: string,
        more: Partial<VendorError> = {},
      ): VendorFailure => ({
        status,
        body: definition.errorBody({ status, code, message, requestId, ...more }),
        failed: true,
      });
      const failWith = (failure: PipelineFailure, message: string, more: Partial<VendorError> = {}) => {
        const { status, code } = definition.failures[failure];
        return fail(status, code, message, more);
      };
      const routed = match.kind === 'found' ? { ...match, auth: definition.authenticate(headers) } : match;
      const key = routed.kind === 'found' && routed.auth.ok ? routed.auth.key : null;
      const tenant = context ? key : null;
      const operation = routed.kind === 'found' ? routed.operation : undefined;
      const effects =
        operation && context
          ? splitEffects(
              context.faults.decide({
                vendor: definition.vendor,
                operation: operation.id,
                tenant: key ?? '',
              }),
            )
          : undefined;

      const respond = (): Reply => {
        if (routed.kind === 'not_found')
          return failWith('not_found', `No route for ${method} ${url.pathname}.`);
        if (routed.kind === 'method_not_allowed') {
          const allowed = routed.allowed.join(', ');
          const refused = failWith(
            'method_not_allowed',
            `${method} is not allowed on ${url.pathname}; allowed: ${allowed}.`,
          );
          return { ...refused, headers: { allow: allowed } };
        }
        if (!context)
          return failWith(
            'unknown_scenario',
            `Unknown scenario "${scenario}" in ${SCENARIO_HEADER}. List them at GET /__admin/scenarios.`,
          );
        const { auth } = routed;
        if (!auth.ok) return fail(auth.status, auth.code, auth.message);
        if (context.simulator.tenant(auth.key).revoked)
          return failWith('unauthorized', 'This API key has been revoked.');
        const injected = effects?.status;
        if (injected) {
          const retryAfter =
            injected.retryAfterSeconds ??
            (injected.status === 429 || injected.status === 503 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);
          return {
            ...fail(
              injected.status,
              injected.code ?? definition.codeForStatus(injected.status),
              injected.message ?? `Injected fault: HTTP ${injected.status}.`,
            ),
            headers: retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
          };
        }
        // Operations that take no body ignore whatever is sent (exa-js sends `Content-Type: application/json` on them).
        const read = routed.operation.requestBody
          ? readJsonBody(request, { limitBytes: runtime.bodyLimitBytes })
          : { ok: true as const, body: undefined };
        if (!read.ok) return failWith(read.code, read.message);
        const checked = validator.validate(routed.operation, {
          params: routed.params,
          query: url.searchParams,
          headers,
          body: read.body,
        });
        if (!checked.ok) {
          const details = checked.problems.map(({ path, message, location }) => ({
            path,
            message,
            location,
          }));
          const reasons = details.map((detail) => detail.message).join('; ');
          return failWith('validation', `Invalid request: ${reasons}.`, { details });
        }
        const handle = definition.operations[routed.operation.id];
        if (!handle)
          throw new Error(
            `Vendor ${definition.vendor} has no handler for operation ${routed.operation.id}: add it to the vendor's operations.`,
          );
        const response = handle({
          method,
          requestId,
          operation: routed.operation,
          ...asOperationInput(checked.value),
          headers,
          tenant: auth.key,
          context,
          dispatchFailure: effects?.dispatchFailure,
          fail: (status, code, message, extra) => fail(status, code, message, extra ? { extra } : {}),
        });
        if (response.status >= 300) return response;
        const tolerant = applyTolerance(
          response.body,
          context.scenario,
          routed.operation,
          response.status,
          definition.document,
          requestId,
        );
        return { ...response, body: tolerant };
      };

      const response = respond();
      return {
        answer: jsonAnswer(response.status, response.body, {
          'x-request-id': requestId,
          ...definition.headers?.(tenant, now, response),
          ...response.headers,
        }),
        edge: effects?.edge ?? { latencyMs: 0 },
        facts: {
          vendor: definition.vendor,
          scenario,
          tenant,
          operation: operation?.id ?? null,
          ...(effects && effects.applied.length > 0 ? { faults: effects.applied } : {}),
        },
        at: now,
      };
    });
  };
}

export type VendorPipeline = ReturnType<typeof createVendorPipeline>;
