import type { ErrorObject } from 'ajv/dist/2020.js';
import { findDiscriminator } from './discriminator.js';
import type { DocumentResolver } from './document-resolver.js';
import { joinPath, toFieldPath, type Problem, type ProblemLocation } from './problem.js';

/** How Ajv errors are turned into problems: where they are, and what to call the root value. */
export interface ProblemContext {
  readonly location: ProblemLocation;
  /** The name of the root value in messages, e.g. `request body`. */
  readonly subject: string;
  readonly resolver: DocumentResolver;
}

/** An Ajv error and the problems it was turned into. */
export interface ErrorEntry {
  readonly error: ErrorObject;
  readonly problems: readonly Problem[];
}

/**
 * Renders an allowed value the way messages show it: strings bare, everything else as JSON.
 *
 * @example
 * [showValue('preview'), showValue(3), showValue(null)]; // ['preview', '3', 'null']
 */
export function showValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const reachableCache = new WeakMap<object, ReadonlySet<unknown>>();

/** Every object inside `schema`, following `$ref`s: the schemas an error raised under `schema` can point at. */
function reachable(resolver: DocumentResolver, schema: unknown): ReadonlySet<unknown> {
  if (typeof schema !== 'object' || schema === null) return new Set();
  const cached = reachableCache.get(schema);
  if (cached !== undefined) return cached;
  const found = new Set<unknown>();
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || found.has(value)) continue;
    found.add(value);
    if ('$ref' in value && typeof value.$ref === 'string') stack.push(resolver.follow(value, '').value);
    const children: unknown[] = Object.values(value);
    stack.push(...children);
  }
  reachableCache.set(schema, found);
  return found;
}

/**
 * True when `entry` was raised while validating against one of `schemas`, or anything they reference
 * (errors of boolean schemas always count).
 *
 * @example
 * raisedUnder(resolver, entry, oneOfError.schema as unknown[]); // did this error come from a branch?
 */
export function raisedUnder(
  resolver: DocumentResolver,
  entry: ErrorEntry,
  schemas: readonly unknown[],
): boolean {
  const parent: unknown = entry.error.parentSchema;
  if (typeof parent !== 'object' || parent === null) return true;
  return schemas.some((schema) => reachable(resolver, schema).has(parent));
}

function isShallow(entry: ErrorEntry, instancePath: string): boolean {
  return entry.error.instancePath === instancePath && ['type', 'const', 'enum'].includes(entry.error.keyword);
}

function expectation({ error }: ErrorEntry): string {
  if (error.keyword === 'type') return String(error.params['type']).split(',').join(' or ');
  if (error.keyword === 'const') return JSON.stringify(error.params['allowedValue']);
  const allowed: unknown = error.params['allowedValues'];
  return Array.isArray(allowed) ? allowed.map((value) => JSON.stringify(value)).join(' or ') : 'valid';
}

/**
 * Replaces the pile of per-branch errors Ajv reports for a failed `oneOf`/`anyOf` with readable problems:
 * - with a discriminator (see `findDiscriminator`): a missing or unknown tag value, or the problems of the
 *   branch the tag selects;
 * - otherwise: the problems of the only branch whose type fits, or `x must be string or integer` when no
 *   type fits, or one problem summarising each candidate branch.
 *
 * `block` holds the entries produced while Ajv evaluated the branches.
 *
 * @example
 * condenseAlternatives(oneOfError, branchEntries, { location: 'body', subject: 'request body', resolver });
 * // [{ location: 'body', path: 'scope.type', message: 'scope.type must be one of: leads, list' }]
 */
export function condenseAlternatives(
  error: ErrorObject,
  block: readonly ErrorEntry[],
  context: ProblemContext,
): Problem[] {
  const { location, resolver } = context;
  const branches: unknown[] = Array.isArray(error.schema) ? error.schema : [];
  const path = toFieldPath(error.instancePath);
  const subject = path === '' ? context.subject : path;
  const problem = (at: string, message: string): Problem[] => [{ location, path: at, message }];
  const entriesOf = (index: number) =>
    block.filter((entry) => raisedUnder(resolver, entry, [branches[index]]));

  const passing: unknown = error.params['passingSchemas'];
  if (Array.isArray(passing)) {
    const which = passing.map((index) => `#${Number(index) + 1}`).join(' and ');
    return problem(
      path,
      `${subject} matches alternatives ${which} of a oneOf but must match exactly one of them`,
    );
  }

  const data: unknown = error.data;
  const discriminator =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? findDiscriminator(resolver, error.parentSchema, branches)
      : undefined;
  if (discriminator !== undefined && typeof data === 'object' && data !== null) {
    const field = joinPath(path, discriminator.propertyName);
    const allowed = discriminator.values.map(showValue).join(', ');
    if (!Object.hasOwn(data, discriminator.propertyName))
      return problem(field, `${field} is required (one of: ${allowed})`);
    const index = discriminator.branchOf((data as Record<string, unknown>)[discriminator.propertyName]);
    if (index === undefined) return problem(field, `${field} must be one of: ${allowed}`);
    const problems = entriesOf(index).flatMap((entry) => entry.problems);
    if (problems.length > 0) return problems;
  }

  const failures = branches.map((_, index) => ({ index, entries: entriesOf(index) }));
  const isTypeMismatch = (entries: readonly ErrorEntry[]) =>
    entries.every((entry) => isShallow(entry, error.instancePath));
  const candidates = failures.filter(({ entries }) => entries.length > 0 && !isTypeMismatch(entries));
  const [only] = candidates;
  if (candidates.length === 1 && only !== undefined) return only.entries.flatMap((entry) => entry.problems);
  if (candidates.length > 1) {
    const summary = candidates
      .map(
        ({ index, entries }) =>
          `(#${index + 1}) ${entries.flatMap((entry) => entry.problems.map((p) => p.message)).join(', ')}`,
      )
      .join('; ');
    return problem(path, `${subject} does not match any of its ${branches.length} alternatives: ${summary}`);
  }
  // A branch whose type does not fit may also fail its enum; its type says enough.
  const expected = new Set<string>();
  for (const { entries } of failures) {
    const typeMismatch = entries.find((entry) => entry.error.keyword === 'type');
    for (const entry of typeMismatch === undefined ? entries : [typeMismatch])
      expected.add(expectation(entry));
  }
  if (expected.size > 0) return problem(path, `${subject} must be ${[...expected].join(' or ')}`);
  return problem(
    path,
    `${subject} must match ${error.keyword === 'oneOf' ? 'exactly one' : 'at least one'} of its alternatives`,
  );
}
