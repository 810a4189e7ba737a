import fc from 'fast-check';
import { createOperationIndex } from '../../../src/openapi/operation-index.js';
import type { Operation, Parameter } from '../../../src/openapi/operation.js';
import { bodyPlan, encodeBody, surelyRefused, type BodyPlan } from './body-mutation.js';
import { hostileString, METHODS, toHeaderValue } from './hostile-values.js';
import { createSchemaArbitraries, type SchemaArbitraryOptions } from './schema-arbitrary.js';
import { fill, linkParents, ownerOf, type IdPool } from './id-pool.js';
import type { HeaderMap, Target } from './vendor-targets.js';

/** Who a request claims to be. */
export type AuthPick = { kind: 'victim' } | { kind: 'fuzz'; index: number } | { kind: 'bad'; index: number };

/** A request before ids are filled in: what the generators produce. */
export interface RequestPlan {
  operationId: string | null;
  method: string;
  /** Path segments after the base path; params already substituted (maybe with `Harvested`). */
  segments: unknown[];
  /** Send segments as they are (letting the URL parser normalise them) rather than percent-encoded. */
  rawSegments: boolean;
  query: [string, unknown][];
  headers: [string, unknown][];
  auth: AuthPick;
  scenario: string | undefined;
  body: BodyPlan | undefined;
}

/** A request ready to send. */
export interface FuzzRequest {
  method: string;
  /** Path and query, not yet resolved against an origin. */
  target: string;
  headers: HeaderMap;
  body: Uint8Array | undefined;
  /** Scenario the request picked, if any. */
  scenario: string | undefined;
  /** Readable summary for failure messages. */
  label: string;
}

/** Scenarios whose faults answer 5xx on purpose. */
export const INJECTING_SCENARIOS: ReadonlySet<string> = new Set(['dispatch-failure']);

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? '' : (JSON.stringify(value) ?? '');

/** Query values as a client would write them: arrays as repeated keys (or `key[]`). */
function queryText(entries: [string, unknown][]): string {
  const search = new URLSearchParams();
  for (const [name, value] of entries) {
    if (Array.isArray(value)) for (const item of value) search.append(name, asText(item));
    else search.append(name, asText(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * Builds the request arbitraries of one API from its OpenAPI document: for each operation, requests
 * generated from its parameter and body schemas, then mutated (hostile ids and values, duplicated and
 * bracketed query keys, wrong methods, broken bodies, other scenarios, missing or broken credentials);
 * and requests to paths no operation serves.
 *
 * @example
 * const plans = createRequestPlans(PUFFLE, { hints: { enrichmentId: fc.constant('work_email') } });
 * fc.sample(plans.any, 1);
 */
export interface RequestPlanOptions extends SchemaArbitraryOptions {
  /**
   * Bodies that make sense to the handlers (an enrichment with a list of its subject, ...), by operationId:
   * mixed two to one with the bodies the schema generates, before mutation.
   */
  readonly bodies?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
}

export function createRequestPlans(target: Target, options: RequestPlanOptions = {}) {
  const schemas = createSchemaArbitraries(target.document, options);
  const bodyValues = (operation: Operation, pointer: string): fc.Arbitrary<unknown> => {
    const sensible = options.bodies?.[operation.id];
    const generated = schemas.at(pointer);
    return sensible
      ? fc.oneof({ weight: 2, arbitrary: sensible }, { weight: 1, arbitrary: generated })
      : generated;
  };
  const index = createOperationIndex(target.document);

  const auth: fc.Arbitrary<AuthPick> = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .nat({ max: target.auth.fuzz.length - 1 })
        .map((i) => ({ kind: 'fuzz' as const, index: i })),
    },
    { weight: 3, arbitrary: fc.constant({ kind: 'victim' as const }) },
    {
      weight: 1,
      arbitrary: fc.nat({ max: target.auth.bad.length - 1 }).map((i) => ({ kind: 'bad' as const, index: i })),
    },
  );

  const parameterValue = (parameter: Parameter, operation: Operation): fc.Arbitrary<unknown> =>
    fc.oneof(
      {
        weight: 16,
        arbitrary: schemas.named([`${operation.id}:${parameter.name}`, parameter.name], parameter.schema),
      },
      { weight: 2, arbitrary: hostileString() },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
    );

  /** One query parameter, maybe left out, maybe twice, maybe as `name[]`. */
  const queryEntries =
    (operation: Operation) =>
    (parameter: Parameter): fc.Arbitrary<[string, unknown][]> => {
      const value = parameterValue(parameter, operation);
      return fc.oneof(
        { weight: 3, arbitrary: fc.constant<[string, unknown][]>([]) },
        { weight: 4, arbitrary: value.map((one): [string, unknown][] => [[parameter.name, one]]) },
        {
          weight: 1,
          arbitrary: fc.tuple(value, value).map(([a, b]): [string, unknown][] => [
            [parameter.name, a],
            [parameter.name, b],
          ]),
        },
        { weight: 1, arbitrary: value.map((one): [string, unknown][] => [[`${parameter.name}[]`, one]]) },
      );
    };

  const strayQuery: fc.Arbitrary<[string, unknown][]> = fc.array(
    fc.tuple(
      fc.constantFrom('__proto__', 'constructor[prototype][polluted]', 'a[b][c]', 'limit[]', ''),
      hostileString(),
    ),
    { maxLength: 2 },
  );

  const strayHeaders: fc.Arbitrary<[string, unknown][]> = fc.array(
    fc.tuple(
      fc.constantFrom('x-request-id', 'x-forwarded-for', 'accept', 'content-length-ish'),
      hostileString(),
    ),
    { maxLength: 1 },
  );

  const methodFor = (operation: Operation): fc.Arbitrary<string> =>
    fc.oneof(
      { weight: 14, arbitrary: fc.constant(operation.method) },
      { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
    );

  const anyBody = bodyPlan(fc.jsonValue({ maxDepth: 2 }));

  const planFor = (operation: Operation): fc.Arbitrary<RequestPlan> => {
    const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
    const segments = fc
      .tuple(...pathParameters.map((parameter) => parameterValue(parameter, operation)))
      .map((values) => {
        const byName = new Map(pathParameters.map((parameter, i) => [parameter.name, values[i]]));
        return operation.path
          .slice(target.basePath.length + 1)
          .split('/')
          .map((segment) => {
            const name = /^\{(.+)\}$/.exec(segment)?.[1];
            return name === undefined ? segment : byName.get(name);
          });
      });
    const query = fc
      .tuple(...operation.parameters.filter((p) => p.in === 'query').map(queryEntries(operation)), strayQuery)
      .map((groups) => groups.flat());
    const headerParameters = operation.parameters.filter((p) => p.in === 'header');
    const headers = fc
      .tuple(
        fc.tuple(
          ...headerParameters.map((parameter) =>
            fc.oneof(
              { weight: 9, arbitrary: fc.constant(undefined) },
              { weight: 1, arbitrary: parameterValue(parameter, operation) },
            ),
          ),
        ),
        strayHeaders,
      )
      .map(([values, stray]) => [
        ...headerParameters.flatMap((parameter, i): [string, unknown][] =>
          values[i] === undefined ? [] : [[parameter.name, values[i]]],
        ),
        ...stray,
      ]);
    const body = operation.requestBody
      ? fc.oneof(
          { weight: 30, arbitrary: bodyPlan(bodyValues(operation, operation.requestBody.pointer)) },
          { weight: 1, arbitrary: fc.constant(undefined) },
        )
      : fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anyBody });
    return fc.record({
      operationId: fc.constant(operation.id),
      method: methodFor(operation),
      segments,
      rawSegments: fc.constant(false),
      query,
      headers,
      auth,
      scenario: fc.constantFrom(...target.scenarioPicks),
      body,
    });
  };

  const literalSegments = [
    ...new Set(index.operations.flatMap((operation) => operation.path.split('/'))),
  ].filter((segment) => segment !== '' && !segment.startsWith('{'));

  /** Paths no operation serves: known words and hostile strings in random order, sometimes unencoded. */
  const unrouted: fc.Arbitrary<RequestPlan> = fc.record({
    operationId: fc.constant(null),
    method: fc.constantFrom(...METHODS),
    segments: fc.array(
      fc.oneof(
        fc.constantFrom(...literalSegments),
        hostileString(),
        fc.string({ unit: 'grapheme', maxLength: 10 }),
      ),
      { minLength: 1, maxLength: 5 },
    ),
    rawSegments: fc.boolean(),
    query: strayQuery,
    headers: fc.constant([]),
    auth,
    scenario: fc.constantFrom(...target.scenarioPicks),
    body: fc.oneof(fc.constant(undefined), anyBody),
  });

  const operations = index.operations.map(planFor);
  return {
    operations: index.operations,
    /** Requests for one operation. */
    for: (operationId: string): fc.Arbitrary<RequestPlan> => {
      const found = index.operations.findIndex((operation) => operation.id === operationId);
      const plan = operations[found];
      if (!plan) throw new Error(`No operation ${operationId} in the ${target.name} document.`);
      return plan;
    },
    unrouted,
    /** Requests for any operation (each equally likely), and now and then for no operation at all. */
    any: fc.oneof({ weight: 12, arbitrary: fc.oneof(...operations) }, { weight: 1, arbitrary: unrouted }),
  };
}

const indexes = new WeakMap<Target, ReturnType<typeof createOperationIndex>>();

function indexOf(target: Target) {
  let found = indexes.get(target);
  if (!found) {
    found = createOperationIndex(target.document);
    indexes.set(target, found);
  }
  return found;
}

/**
 * Turns a plan into a request, filling harvested ids from the pool. The victim's key is kept only where
 * the request cannot change the victim's state (reads, and bodies refused before any operation runs);
 * elsewhere the first fuzz key stands in.
 */
export function toFuzzRequest(target: Target, plan: RequestPlan, pool: IdPool): FuzzRequest {
  const index = indexOf(target);
  const pick = (auth: AuthPick): HeaderMap =>
    auth.kind === 'victim'
      ? target.auth.victim
      : ((auth.kind === 'fuzz' ? target.auth.fuzz[auth.index] : target.auth.bad[auth.index]) ?? {});
  const claimed = pick(plan.auth);
  const owner = ownerOf(claimed);
  const segments = linkParents(
    plan.segments,
    plan.segments.map((segment) => asText(fill(segment, pool, owner))),
    pool,
  );
  const path = `${target.basePath}/${segments.map((segment) => (plan.rawSegments ? segment : encodeURIComponent(segment))).join('/')}`;
  const query = plan.query.map(([name, value]): [string, unknown] => [name, fill(value, pool, owner)]);
  const bodyless = ['GET', 'HEAD'].includes(plan.method.toUpperCase());
  const body =
    plan.body && !bodyless ? { ...plan.body, value: fill(plan.body.value, pool, owner) } : undefined;
  const encoded = body ? encodeBody(body) : undefined;

  const match = index.match(plan.method, new URL(path, 'http://fuzz.invalid').pathname);
  const harmless =
    (match.kind === 'found' && match.operation.method === 'GET') ||
    match.kind !== 'found' ||
    (match.operation.requestBody !== undefined && body !== undefined && surelyRefused(body));
  const credentials = plan.auth.kind === 'victim' && !harmless ? pick({ kind: 'fuzz', index: 0 }) : claimed;

  const headers: HeaderMap = {};
  for (const [name, value] of plan.headers)
    headers[name.toLowerCase()] = toHeaderValue(asText(fill(value, pool, owner)));
  Object.assign(headers, credentials);
  if (plan.scenario !== undefined) headers['x-mock-scenario'] = plan.scenario;
  if (encoded) headers['content-type'] = encoded.contentType;
  if (headers['content-type'] === '') Reflect.deleteProperty(headers, 'content-type');

  const targetText = `${path}${queryText(query)}`;
  const who =
    plan.auth.kind === 'victim' && credentials === target.auth.victim
      ? 'victim'
      : JSON.stringify(credentials);
  return {
    method: plan.method,
    target: targetText,
    headers,
    body: encoded?.bytes,
    scenario: plan.scenario,
    label: `${plan.method} ${targetText.length > 400 ? `${targetText.slice(0, 400)}...` : targetText} as ${who}${plan.scenario ? ` in ${plan.scenario}` : ''}${encoded ? ` with body ${encoded.label}` : ''}`,
  };
}
