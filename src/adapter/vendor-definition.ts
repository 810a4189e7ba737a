import type { Reply } from '../http/answer.js';
import type { HeaderReader } from '../http/plain-request.js';
import type { Operation } from '../openapi/operation.js';
import type { OpenApiDocument } from '../openapi/document-resolver.js';
import type { ScenarioContext } from '../runtime/mock-runtime.js';
import type { Vendor } from '../scenario/types.js';
import type { WebhookFeed } from '../webhooks/outbox.js';

/** A request's API key, or why it has none (the status, code and message of the refusal). */
export type Authentication =
  { ok: true; key: string } | { ok: false; status: number; code: string; message: string };

/** What an operation answers: the vendor adapter's words, before tolerance and headers are applied. */
export type VendorResponse = Omit<Reply, 'text'>;

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

/** Everything an operation gets: the validated request, its tenant and the scenario's simulator. */
export interface OperationContext {
  /** The request's HTTP method. */
  method: string;
  requestId: string;
  operation: Operation;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  /** The request's headers as sent (the validated ones are in `params`, `query`). */
  headers: HeaderReader;
  body: unknown;
  /** The API key the request authenticated with. */
  tenant: string;
  context: ScenarioContext;
  /** Set when a scenario fault asks this call's dispatch to fail. */
  dispatchFailure: string | undefined;
  /** A response in the vendor's error shape. */
  fail(status: number, code: string, message: string, extra?: Record<string, unknown>): VendorResponse;
}

export type OperationHandler = (context: OperationContext) => VendorResponse;

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
  headers?(tenant: string | null, now: number, response: VendorResponse): Record<string, string>;
  operations: Record<string, OperationHandler>;
  /** The vendor's webhooks and the events they receive, for the delivery engine (`src/webhooks`). */
  webhookFeed?: WebhookFeed;
}

/** What a vendor folder declares: its definition less what its descriptor (`vendor-descriptors.ts`) says. */
export type VendorBehaviour = Omit<VendorDefinition, 'vendor' | 'basePath' | 'document'>;
