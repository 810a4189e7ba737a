import { http, type HttpHandler } from 'msw';
import { readJsonBody } from '../http/read-json-body.js';
import { advanceToNextChange } from '../runtime/advance-to-next-change.js';
import { createOperationIndex, type MatchResult } from '../openapi/operation-index.js';
import { createRequestValidator } from '../openapi/request-validator.js';
import type { Runtime, ScenarioContext } from '../runtime/mock-runtime.js';
import type { FaultEffect } from '../scenario/types.js';
import { applyTolerance } from './tolerance.js';
import { isTransportFault, PREFLIGHT_HEADER, SCENARIO_HEADER, transportFault } from './transport-fault.js';
import type {
  Authentication,
  HeaderReader,
  PipelineFailure,
  VendorDefinition,
  VendorResponse,
} from './vendor-definition.js';
import { journalBody } from '../http/journal-body.js';

export interface VendorHandlerOptions {
  /** Origin the handler answers for (`https://app.puffle.ai`), or `*` for any origin. */
  origin: string;
  /**
   * Standalone server: the express layer classifies each request and decides its faults first
   * (`preflight`) and names that decision in the internal preflight header; the handler takes it instead
   * of classifying the request and counting the call again.
   */
  upstream: boolean;
  /** Record exchanges in the runtime's journal (in-process use; the server journals in express). */
  journal: boolean;
}

/** What classifying a request reads of it: a fetch `Request`, or the server's view of a node request. */
export interface RequestView {
  method: string;
  url: URL;
  headers: HeaderReader;
}

/** A vendor's request classified before it runs: which scenario, operation and tenant, which faults. */
export interface Preflight {
  scenario: string;
  operationId: string | null;
  tenant: string | null;
  effects: FaultEffect[];
  /** Names this decision to the handler (the internal preflight header's value). */
  token: string;
}

/** Compiled routing and validation per OpenAPI document: pure, so every mock in a process shares them. */
const compiled = new WeakMap<
  object,
  { index: ReturnType<typeof createOperationIndex>; validator: ReturnType<typeof createRequestValidator> }
>();

function compile(document: VendorDefinition['document']) {
  let found = compiled.get(document);
  if (!found) {
    found = { index: createOperationIndex(document), validator: createRequestValidator(document) };
    compiled.set(document, found);
  }
  return found;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The URL pattern of a vendor's handler: every path under `basePath` (`/api/...`, not `/api` itself) on
 * `origin`, or on any scheme and host for `*`. A RegExp, because msw percent-decodes the parameters of a
 * string pattern with a throwing `decodeURIComponent` (a path such as `/api/%zz` failed with a URIError
 * before the handler ran) and leaves a RegExp without capturing groups alone; the pipeline then routes
 * the raw path, and a segment that is not valid percent-encoding matches no operation (vendor 404).
 * Case-insensitive, as msw's string patterns are.
 *
 * @example
 * handlerPath('https://app.puffle.ai', '/api'); // /^https:\/\/app\.puffle\.ai\/api\//i
 * handlerPath('*', '/api').test('http://localhost:4010/api/enrichments'); // true
 */
export function handlerPath(origin: string, basePath: string): RegExp {
  const base = escapeRegExp(basePath.replace(/\/+$/, ''));
  if (origin === '*') return new RegExp(`^[a-z][a-z\\d+.-]*://[^/]+${base}/`, 'i');
  const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
  const exact = parsed !== undefined && parsed.pathname === '/' ? parsed.origin : origin.replace(/\/+$/, '');
  return new RegExp(`^${escapeRegExp(exact)}${base}/`, 'i');
}

/** `Retry-After` for an injected 429 or 503 whose scenario names none. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** A routing result; a found operation carries the request's API key (or why there is none). */
type Routed =
  | (Extract<MatchResult, { kind: 'found' }> & { readonly auth: Authentication })
  | Exclude<MatchResult, { kind: 'found' }>;

/** A request routed, with its scenario and API key: what the pipeline needs before it answers. */
interface Classified {
  url: URL;
  scenario: string;
  match: Routed;
  context: ScenarioContext | undefined;
}

const headerObject = (headers: Headers): Record<string, string> => Object.fromEntries(headers.entries());

/**
 * Builds one msw handler that serves every operation of a vendor: routing by its OpenAPI document,
 * scenario pick, auth, faults, body limits and validation, then the operation, then tolerance and
 * headers. The same handler runs under `setupServer` and behind `@mswjs/http-middleware`.
 *
 * @example
 * const { handler } = createVendorHandler(puffle, runtime, { origin: '*', upstream: false, journal: true });
 * setupServer(handler).listen();
 */
export function createVendorHandler(
  definition: VendorDefinition,
  runtime: Runtime,
  options: VendorHandlerOptions,
) {
  const { index, validator } = compile(definition.document);

  /** Routes a request and picks its scenario and API key: done once per request. */
  const classify = ({ method, url, headers }: RequestView): Classified => {
    const scenario = headers.get(SCENARIO_HEADER) ?? runtime.active.name;
    const routed = index.match(method, url.pathname);
    const match: Routed =
      routed.kind === 'found' ? { ...routed, auth: definition.authenticate(headers) } : routed;
    return { url, scenario, match, context: runtime.context(scenario) };
  };

  /** Decides a classified request's faults, counting the call. */
  const decideFaults = ({ match, context }: Classified): FaultEffect[] =>
    match.kind === 'found' && context
      ? context.faults.decide({
          vendor: definition.vendor,
          operation: match.operation.id,
          tenant: match.auth.ok ? match.auth.key : '',
        })
      : [];

  /** Decisions made by `preflight` that the handler has not taken yet, by token. */
  const decided = new Map<string, { classified: Classified; effects: FaultEffect[] }>();
  let tokens = 0;

  /**
   * Classifies a request and decides its faults (counting the call), keeping the decision for the
   * handler: the server's express layer calls it, sends the token in the internal preflight header and
   * calls `release` once the request is answered (the handler may never have run).
   */
  const preflight = (request: RequestView): Preflight => {
    const classified = classify(request);
    const { match } = classified;
    const effects = decideFaults(classified);
    const token = String((tokens += 1));
    // The server waits out latency and plays transport faults on the socket; the handler does the rest.
    decided.set(token, {
      classified,
      effects: effects.filter((effect) => effect.type !== 'latency' && !isTransportFault(effect)),
    });
    return {
      scenario: classified.scenario,
      operationId: match.kind === 'found' ? match.operation.id : null,
      tenant: match.kind === 'found' && match.auth.ok ? match.auth.key : null,
      effects,
      token,
    };
  };
  const release = (token: string): void => void decided.delete(token);

  /** The server's decision named by the request's preflight header, taken once. */
  const takeDecision = (request: Request) => {
    const token = options.upstream ? request.headers.get(PREFLIGHT_HEADER) : null;
    const found = token === null ? undefined : decided.get(token);
    if (token !== null) decided.delete(token);
    return found;
  };

  const answer = async (
    request: Request,
    { url, scenario, match, context }: Classified,
    requestId: string,
    effects: FaultEffect[],
  ): Promise<{ response: VendorResponse; tenant: string | null }> => {
    const fail = (
      status: number,
      code: string,
      message: string,
      extra?: Record<string, unknown>,
      details?: { path: string; message: string; location?: string }[],
    ): VendorResponse => ({
      status,
      body: definition.errorBody({
        status,
        code,
        message,
        requestId,
        ...(extra ? { extra } : {}),
        ...(details ? { details } : {}),
      }),
    });
    const failWith = (
      failure: PipelineFailure,
      message: string,
      details?: { path: string; message: string; location?: string }[],
    ): VendorResponse => {
      const { status, code } = definition.failures[failure];
      return fail(status, code, message, undefined, details);
    };
    if (match.kind === 'not_found')
      return {
        response: failWith('not_found', `No route for ${request.method} ${url.pathname}.`),
        tenant: null,
      };
    if (match.kind === 'method_not_allowed') {
      const response = failWith(
        'method_not_allowed',
        `${request.method} is not allowed on ${url.pathname}; allowed: ${match.allowed.join(', ')}.`,
      );
      return { response: { ...response, headers: { allow: match.allowed.join(', ') } }, tenant: null };
    }
    if (!context)
      return {
        response: failWith(
          'unknown_scenario',
          `Unknown scenario "${scenario}" in ${SCENARIO_HEADER}. List them at GET /__admin/scenarios.`,
        ),
        tenant: null,
      };
    const { operation, auth: verdict } = match;
    if (runtime.autoAdvance && request.method === 'GET') advanceToNextChange(runtime);
    if (!verdict.ok) return { response: fail(verdict.status, verdict.code, verdict.message), tenant: null };
    const tenant = verdict.key;
    if (context.simulator.tenant(tenant).revoked)
      return { response: failWith('unauthorized', 'This API key has been revoked.'), tenant };

    let dispatchFailure: string | undefined;
    for (const effect of effects) {
      if (effect.type === 'latency') await new Promise((resolve) => setTimeout(resolve, effect.ms));
      if (effect.type === 'dispatch_failure') dispatchFailure = effect.message;
      if (effect.type === 'status') {
        const response = fail(
          effect.status,
          effect.code ?? definition.codeForStatus(effect.status),
          effect.message ?? `Injected fault: HTTP ${effect.status}.`,
        );
        const retryAfter =
          effect.retryAfterSeconds ??
          (effect.status === 429 || effect.status === 503 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);
        const retry = retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
        return { response: { ...response, headers: retry }, tenant };
      }
    }

    // Operations that take no body ignore whatever is sent (exa-js sends `Content-Type: application/json` on them).
    const read = operation.requestBody
      ? await readJsonBody(request, { limitBytes: runtime.bodyLimitBytes })
      : { ok: true as const, body: undefined };
    if (!read.ok) return { response: failWith(read.code, read.message), tenant };
    const checked = validator.validate(operation, {
      params: match.params,
      query: url.searchParams,
      headers: request.headers,
      body: read.body,
    });
    if (!checked.ok) {
      const details = checked.problems.map((problem) => ({
        path: problem.path,
        message: problem.message,
        location: problem.location,
      }));
      return {
        response: failWith(
          'validation',
          `Invalid request: ${details.map((d) => d.message).join('; ')}.`,
          details,
        ),
        tenant,
      };
    }
    const handle = definition.operations[operation.id];
    if (!handle)
      throw new Error(
        `Vendor ${definition.vendor} has no handler for operation ${operation.id}: add it to the vendor's operations.`,
      );
    const response = handle({
      request,
      requestId,
      operation,
      params: checked.value.params,
      query: checked.value.query,
      headers: request.headers,
      body: checked.value.body,
      tenant,
      context,
      dispatchFailure,
      fail: (status, code, message, extra) => fail(status, code, message, extra),
    });
    const tolerant =
      response.status < 300
        ? applyTolerance(
            response.body,
            context.scenario,
            operation,
            response.status,
            definition.document,
            requestId,
          )
        : response.body;
    return { response: { ...response, body: tolerant }, tenant };
  };

  const path = handlerPath(options.origin, definition.basePath);
  const handler: HttpHandler = http.all(path, async ({ request }) => {
    const started = performance.now();
    const wallTime = new Date().toISOString();
    const requestId = request.headers.get('x-request-id') || runtime.nextRequestId();
    const requestBody = options.journal ? await request.clone().text() : '';
    const upstream = takeDecision(request);
    const classified =
      upstream?.classified ??
      classify({ method: request.method, url: new URL(request.url), headers: request.headers });
    const effects = upstream?.effects ?? decideFaults(classified);
    const transport = effects.find(isTransportFault);
    const { response, tenant } = await answer(request, classified, requestId, effects);
    const headers = {
      'content-type': 'application/json',
      'x-request-id': requestId,
      ...definition.headers?.(tenant, runtime.clock.now()),
      ...response.headers,
    };
    const text = JSON.stringify(response.body);
    if (options.journal) {
      const { url } = classified;
      runtime.journal.record({
        vendor: definition.vendor,
        scenario: classified.scenario,
        tenant,
        operation: classified.match.kind === 'found' ? classified.match.operation.id : null,
        request: {
          method: request.method,
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          headers: headerObject(request.headers),
          body: journalBody(requestBody),
        },
        response: { status: transport ? 0 : response.status, headers, body: response.body },
        virtualTime: new Date(runtime.clock.now()).toISOString(),
        wallTime,
        durationMs: performance.now() - started,
      });
    }
    if (transport) return transportFault(transport.type, response.status, text, headers);
    return new Response(text, { status: response.status, headers });
  });

  return { handler, preflight, release };
}
