import type { Reply } from '../http/answer.js';
import type { HeaderReader } from '../http/plain-request.js';
import type { Run } from '../core/run.js';
import type { Operation } from '../openapi/operation.js';
import type { OpenApiDocument } from '../openapi/document-resolver.js';
import type { ScenarioContext } from '../runtime/mock-runtime.js';
import type { Vendor } from '../scenario/types.js';
import type { WebhookFeed } from '../webhooks/outbox.js';

/** A request's API key, or why it has none (the status, code and message of the refusal). */
export type Authentication =
  { ok: true; key: string } | { ok: false; status: number; code: string; message: string };

/** What a vendor operation answers: a reply with a JSON body (only the control API sends `text`). */
export type VendorReply = Omit<Reply, 'text'>;

/** A failure in the vendor's error shape, as `RequestContext.fail` builds it (`failed` tells it from a success). */
export interface VendorFailure extends VendorReply {
  readonly failed: true;
}

/** A failure the vendor must express in its own error shape. */
export interface VendorError {
  status: number;
  code: string;
  message: string;
  requestId: string;
  /** Per-field problems, for validation failures, with where each was found (`body`, `query`, `path`, `header`). */
  details?: { path: string; message: string; location?: string }[];
  /** Extra documented fields (Puffle's `required`/`balance`/`reason`, ...). */
  extra?: Record<string, unknown>;
}

/** Failures the shared pipeline detects before an operation runs. */
export type PipelineFailure =
  | 'validation'
  | 'invalid_json'
  | 'invalid_encoding'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'not_found'
  | 'method_not_allowed'
  | 'unauthorized'
  | 'unknown_scenario';

/** The part of an OpenAPI media map sent as JSON: a request body's or a response's `content`. */
type JsonContent<Declared> = Declared extends { content: { 'application/json': infer Body } } ? Body : never;

/**
 * An operation's path parameters, from openapi-typescript's `operations[id]` type: `{ id: string }` for
 * `/runs/{id}`, an empty record when the path has none.
 */
export type PathParams<Op> = Op extends { parameters: { path: infer Path } } ? Path : Record<string, never>;

/** An operation's query parameters as the request validator coerced them (defaults filled in). */
export type QueryParams<Op> = Op extends { parameters: { query?: infer Query } }
  ? [NonNullable<Query>] extends [never]
    ? Record<string, never>
    : NonNullable<Query>
  : Record<string, never>;

/** An operation's JSON request body as validated (defaults filled in); `undefined` when none was declared or sent. */
export type RequestBody<Op> = Op extends { requestBody: infer Declared }
  ? JsonContent<Declared>
  : Op extends { requestBody?: infer Declared }
    ? [NonNullable<Declared>] extends [never]
      ? undefined
      : JsonContent<NonNullable<Declared>> | undefined
    : undefined;

/** What every operation gets whatever its parameters: the request's tenant, the scenario's simulator, `fail`. */
export interface RequestContext {
  /** The request's HTTP method. */
  method: string;
  requestId: string;
  operation: Operation;
  /** The request's headers as sent (the validated ones are in `params`, `query`). */
  headers: HeaderReader;
  /** The API key the request authenticated with. */
  tenant: string;
  context: ScenarioContext;
  /** Set when a scenario fault asks this call's dispatch to fail. */
  dispatchFailure: string | undefined;
  /** A response in the vendor's error shape. */
  fail(status: number, code: string, message: string, extra?: Record<string, unknown>): VendorFailure;
}

/**
 * Everything operation `Op` (an openapi-typescript `operations[id]` type) gets: the request validated
 * against the same document and typed from it, its tenant and the scenario's simulator.
 */
export interface OperationContext<Op> extends RequestContext {
  params: PathParams<Op>;
  query: QueryParams<Op>;
  body: RequestBody<Op>;
}

/** The success statuses an operation's body is typed for. */
type SuccessStatus = 200 | 201 | 202;

/** The JSON body of an operation's success answers, from its `responses`. */
export type ResponseBody<Op> = Op extends { responses: infer Responses }
  ? { [Status in keyof Responses & SuccessStatus]: JsonContent<Responses[Status]> }[keyof Responses &
      SuccessStatus]
  : never;

/** A success answer whose body has type `Body`. */
export interface VendorSuccess<Body> extends VendorReply {
  body: Body;
}

/** What operation `Op` answers: a success whose body its document declares, or a failure from `fail`. */
export type OperationResponse<Op> = VendorSuccess<ResponseBody<Op>> | VendorFailure;

/**
 * One operation of a vendor, typed from openapi-typescript's `operations[id]`: validated params, query and
 * body in, its documented success body (or a `fail`ure) out.
 *
 * @example
 * export const getRun: OperationHandler<operations['puffleGetEnrichmentRun']> = (context) =>
 *   context.fail(404, 'not_found', `Enrichment run ${context.params.id} not found.`);
 */
export type OperationHandler<Op> = (context: OperationContext<Op>) => OperationResponse<Op>;

/**
 * A vendor's handlers checked against its generated `operations` type: one per operationId, each typed
 * for its own operation.
 *
 * @example
 * const operations: OperationHandlers<operations> = { puffleGetEnrichmentRun: getRun, ... };
 */
export type OperationHandlers<Operations> = { [Id in keyof Operations]: OperationHandler<Operations[Id]> };

/**
 * A handler of some operation, its request type erased: any `OperationHandler<Op>` is one (a context
 * whose request parts are `never` fits every operation's). Only the pipeline calls them, with the
 * request it validated against that operation.
 */
export type AnyOperationHandler = (context: OperationContext<never>) => VendorReply;

/** One vendor: its OpenAPI document, its words for auth and errors, and its operations by operationId. */
export interface VendorDefinition {
  vendor: Vendor;
  /** Path prefix every operation of the vendor lives under, e.g. `/api` (from its descriptor). */
  basePath: string;
  document: OpenApiDocument;
  /** The API key of a request, or why it has none (status, code, message). */
  authenticate(headers: HeaderReader): Authentication;
  /** The vendor's error body. */
  errorBody(error: VendorError): unknown;
  /** Status and code for failures found before an operation runs. */
  failures: Record<PipelineFailure, { status: number; code: string }>;
  /** Code for an injected status fault that names none (e.g. 429 -> RATE_LIMITED). */
  codeForStatus(status: number): string;
  /**
   * Headers added to every response of the vendor (rate-limit headers, ...); `now` is the request's instant
   * of the mock's clock, `response` the answer they go on (an injected 429 carries its `retry-after`).
   */
  headers?(tenant: string | null, now: number, response: VendorReply): Record<string, string>;
  /** Handlers by operationId: build them as `OperationHandlers<operations>` so each is typed for its operation. */
  operations: Readonly<Record<string, AnyOperationHandler>>;
  /** The vendor's webhooks and the events they receive, for the delivery engine (`src/webhooks`). */
  webhookFeed?: WebhookFeed;
  /**
   * The body the vendor's own read of `run` answers now (its ledger: Puffle's run, Sendkit's job, Exa's
   * Enrichment), built by the vendor's converters without a request, for the dashboard's timeline.
   */
  describeRun(context: ScenarioContext, run: Run): Record<string, unknown> | null;
}

/** What a vendor folder declares: its definition less what its descriptor (`vendor-descriptors.ts`) says. */
export type VendorBehaviour = Omit<VendorDefinition, 'vendor' | 'basePath' | 'document'>;
