import type { ErrorObject } from 'ajv/dist/2020.js';
import {
  condenseAlternatives,
  raisedUnder,
  showValue,
  type ErrorEntry,
  type ProblemContext,
} from './alternatives.js';
import { joinPath, toFieldPath, type Problem } from './problem.js';

/** True when the data at `instancePath` is the data at `ancestor` or inside it. */
function isWithin(instancePath: string, ancestor: string): boolean {
  return instancePath === ancestor || instancePath.startsWith(ancestor + '/');
}

/** Drops problems with the same location, path and message, keeping the first. */
function dedupeProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.location}\u0000${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function param(error: ErrorObject, name: string): string {
  return String(error.params[name]);
}

/** One Ajv error as a problem that names the offending field, or none for errors that only echo others. */
function describe(error: ErrorObject, context: ProblemContext): Problem[] {
  const path = toFieldPath(error.instancePath);
  const subject = path === '' ? context.subject : path;
  const at = (field: string, message: string): Problem[] => [
    { location: context.location, path: field, message },
  ];
  switch (error.keyword) {
    case 'if':
      return []; // Ajv adds `must match "then" schema` next to the errors of the `then` branch itself.
    case 'required': {
      const field = joinPath(path, param(error, 'missingProperty'));
      return at(field, `${field} is required`);
    }
    case 'dependentRequired': {
      const field = joinPath(path, param(error, 'missingProperty'));
      return at(field, `${field} is required when ${joinPath(path, param(error, 'property'))} is present`);
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name: unknown = error.params['additionalProperty'] ?? error.params['unevaluatedProperty'];
      const field = joinPath(path, String(name));
      return at(field, `unknown field: ${field}`);
    }
    case 'type':
      return at(path, `${subject} must be ${param(error, 'type').split(',').join(' or ')}`);
    case 'enum': {
      const allowed: unknown = error.params['allowedValues'];
      return at(
        path,
        `${subject} must be one of: ${(Array.isArray(allowed) ? allowed : []).map(showValue).join(', ')}`,
      );
    }
    case 'const':
      return at(path, `${subject} must be ${JSON.stringify(error.params['allowedValue'])}`);
    case 'format':
      return at(path, `${subject} must be a valid ${param(error, 'format')}`);
    case 'minProperties':
    case 'maxProperties': {
      const limit = Number(error.params['limit']);
      const sent = typeof error.data === 'object' && error.data !== null ? Object.keys(error.data) : [];
      const bound = error.keyword === 'minProperties' ? 'at least' : 'at most';
      const got = sent.length === 0 ? 'none' : sent.join(', ');
      return at(path, `${subject} must have ${bound} ${limit} field${limit === 1 ? '' : 's'}, got ${got}`);
    }
    case 'false schema':
      return at(path, `${subject} is not allowed`);
    case 'not':
      return at(path, `${subject} must not match the schema under "not"`);
    default:
      return at(path, `${subject} ${error.message ?? 'is invalid'}`);
  }
}

/**
 * Turns Ajv's errors (from a compiler created with `verbose` and `allErrors`) into problems that name the
 * offending field: `scope.leadIds[0] must be string`, `enrichmentId is required`, `unknown field: foo`.
 * The errors Ajv raises inside the branches of a failed `oneOf`/`anyOf` are condensed by
 * `condenseAlternatives`; nested alternatives are condensed first, as Ajv reports them first.
 *
 * @example
 * validate(body);
 * const problems = toProblems(validate.errors, { location: 'body', subject: 'request body', resolver });
 */
export function toProblems(
  errors: readonly ErrorObject[] | null | undefined,
  context: ProblemContext,
): Problem[] {
  const entries: ErrorEntry[] = [];
  for (const error of errors ?? []) {
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') {
      entries.push({ error, problems: describe(error, context) });
      continue;
    }
    // Ajv pushes a failed alternative's branch errors right before its own error: take them back.
    const branches: unknown[] = Array.isArray(error.schema) ? error.schema : [];
    const block: ErrorEntry[] = [];
    for (let last = entries.at(-1); last !== undefined; last = entries.at(-1)) {
      if (!isWithin(last.error.instancePath, error.instancePath)) break;
      if (!raisedUnder(context.resolver, last, branches)) break;
      block.unshift(last);
      entries.pop();
    }
    entries.push({ error, problems: condenseAlternatives(error, block, context) });
  }
  return dedupeProblems(entries.flatMap((entry) => entry.problems));
}
