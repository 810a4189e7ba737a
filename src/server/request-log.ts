import type { AppliedFault } from '../scenario/fault-plan.js';
import type { FaultEffect } from '../scenario/types.js';
import type { Answer } from '../http/answer.js';
import { isRecord } from '../openapi/document-resolver.js';
import type { Exchange, Outcome } from './exchange.js';

/** An injected fault as the log names it: the scenario rule's `name` and what the rule did. */
interface LoggedFault {
  rule: string;
  /** `429`, `latency 800ms`, `reset`, `hang`, `truncate`, `garbage` or `dispatchFailure`. */
  kind: string;
}

/** What a fault did, in the scenario file's words. */
function faultKind(effect: FaultEffect): string {
  switch (effect.type) {
    case 'status':
      return String(effect.status);
    case 'latency':
      return `latency ${effect.ms}ms`;
    case 'dispatch_failure':
      return 'dispatchFailure';
    default:
      return effect.type;
  }
}

/**
 * The code and message of an error answer, read from the error shapes the mock sends: `{error: {code,
 * message}}` (Sendkit, the control API) or a message string beside its code (`{error, code}` Puffle,
 * `{error, tag}` Exa). Undefined for anything else.
 */
function answerError(answer: Answer): { code: string; message: string } | undefined {
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return undefined;
  }
  if (!isRecord(body)) return undefined;
  const { error } = body;
  if (isRecord(error) && typeof error['code'] === 'string' && typeof error['message'] === 'string')
    return { code: error['code'], message: error['message'] };
  const code = body['code'] ?? body['tag'];
  return typeof error === 'string' && typeof code === 'string' ? { code, message: error } : undefined;
}

/**
 * The fields of a request's log line: who answered what, how fast, the error's code and message for a
 * 4xx/5xx answer, and the injected faults by rule. `sent` is null when a transport fault sent nothing.
 *
 * @example
 * logger.info(requestLogFields(exchange, outcome, sent, 8.2), 'request');
 */
export function requestLogFields(
  exchange: Exchange,
  outcome: Outcome,
  sent: Answer | null,
  durationMs: number,
): Record<string, unknown> {
  const status = sent?.status ?? 0;
  const error = outcome.answer.status >= 400 ? answerError(outcome.answer) : undefined;
  const { facts } = outcome;
  const { method, url } = exchange.request;
  const faults = (facts.faults ?? []).map((fault: AppliedFault): LoggedFault => ({
    rule: fault.rule,
    kind: faultKind(fault),
  }));
  return {
    requestId: exchange.requestId,
    method,
    path: url.pathname,
    status,
    vendor: facts.vendor,
    operation: facts.operation,
    scenario: facts.scenario,
    tenant: facts.tenant,
    durationMs,
    ...(error ? { error } : {}),
    ...(faults.length > 0 ? { faults } : {}),
  };
}
