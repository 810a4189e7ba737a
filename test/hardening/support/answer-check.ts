import { createOperationIndex } from '../../../src/openapi/operation-index.js';
import { createResponseValidator } from '../../../src/openapi/response-validator.js';
import { createSchemaCompiler } from '../../../src/openapi/schema-compiler.js';
import { INJECTING_SCENARIOS, type FuzzRequest } from './request-plan.js';
import type { Target } from './vendor-targets.js';

/** An HTTP answer as the checks read it. */
export interface Answer {
  /** 0 for a network error (a transport fault). */
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; `undefined` when it is empty or not JSON. */
  json: unknown;
}

/**
 * Checks answers against an API's OpenAPI document: no 5xx unless the request picked a scenario that
 * injects them; JSON bodies with an `X-Request-Id`; a routed answer declared by its operation and
 * conforming to it (status, headers, body); an unrouted one 404 (unknown path) or 405 (known path,
 * other method, with `Allow` listing the path's methods), in the API's error shape; and the target's
 * own checks. Returns the problems, empty when the answer is fine.
 *
 * @example
 * const check = createAnswerChecker(PUFFLE);
 * expect(check(request, answer)).toEqual([]);
 */
export function createAnswerChecker(target: Target): AnswerChecker {
  const cached = checkers.get(target);
  if (cached) return cached;
  const checker = buildChecker(target);
  checkers.set(target, checker);
  return checker;
}

export type AnswerChecker = (request: FuzzRequest, answer: Answer) => string[];

/** Compiled checkers per target: Ajv compiles a document's schemas once per process. */
const checkers = new WeakMap<Target, AnswerChecker>();

/** The media types the document declares for one operation's answer with `status` (none when `$ref`'d away). */
function declaredMediaTypes(document: unknown, path: string, method: string, status: number): string[] {
  const responses = (
    document as { paths?: Record<string, Record<string, { responses?: Record<string, unknown> }>> }
  ).paths?.[path]?.[method.toLowerCase()]?.responses;
  const content = (responses?.[String(status)] as { content?: Record<string, unknown> } | undefined)?.content;
  return Object.keys(content ?? {});
}

function buildChecker(target: Target): AnswerChecker {
  const index = createOperationIndex(target.document);
  const responses = createResponseValidator(target.document);
  const compiler = createSchemaCompiler(target.document, { useDefaults: false });
  const errorShape = compiler.compile(`${target.name}:error`, () => compiler.ref(target.errorSchema));

  const shapeProblems = (json: unknown): string[] =>
    errorShape(json)
      ? []
      : [
          `error body is not a ${target.errorSchema.split('/').at(-1)}: ${JSON.stringify(errorShape.errors?.slice(0, 3))}`,
        ];

  return (request: FuzzRequest, answer: Answer): string[] => {
    const injected = request.scenario !== undefined && INJECTING_SCENARIOS.has(request.scenario);
    if (answer.status === 0) return injected ? [] : ['network error (status 0) without an injected fault'];
    const problems: string[] = [];
    if (answer.status >= 500 && !injected)
      problems.push(`answered ${answer.status}, and nothing injected it`);
    if (!answer.headers.get('x-request-id')) problems.push('no X-Request-Id header');
    const pathname = new URL(request.target, 'http://fuzz.invalid').pathname;
    const match = index.match(request.method, pathname);
    // A documented non-JSON answer (the control API's JUnit XML report) is checked for its media type only.
    const contentType = (answer.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (match.kind === 'found' && contentType !== 'application/json') {
      const declared = declaredMediaTypes(
        target.document,
        match.operation.path,
        request.method,
        answer.status,
      );
      if (declared.includes(contentType)) return problems;
    }
    if (!/^application\/json\b/.test(answer.headers.get('content-type') ?? ''))
      problems.push(`content-type is ${answer.headers.get('content-type')}, not application/json`);
    // A HEAD answer has no body on the wire: only its status and headers can be checked.
    const head = request.method.toUpperCase() === 'HEAD' && answer.text === '';
    if (answer.json === undefined && !head) problems.push('body is not JSON');

    if (match.kind === 'found') {
      for (const problem of responses.validate(match.operation, answer.status, answer.headers, answer.json))
        problems.push(`${problem.location} ${problem.path}: ${problem.message}`);
    } else {
      const expected = match.kind === 'not_found' ? 404 : 405;
      const refusedFirst = target.authBeforeRouting === true && answer.status === 401;
      if (answer.status !== expected && !refusedFirst)
        problems.push(`answered ${answer.status} where an unrouted request (${match.kind}) gets ${expected}`);
      if (!head) problems.push(...shapeProblems(answer.json));
      if (match.kind === 'method_not_allowed' && !refusedFirst) {
        const allow = (answer.headers.get('allow') ?? '').split(',').map((method) => method.trim());
        if ([...allow].sort().join() !== [...match.allowed].sort().join())
          problems.push(
            `Allow is "${answer.headers.get('allow')}", the path serves ${match.allowed.join(', ')}`,
          );
      }
    }
    if (answer.status >= 400 && match.kind === 'found') problems.push(...shapeProblems(answer.json));
    problems.push(...(target.check?.({ ...answer, head }) ?? []));
    return problems;
  };
}
