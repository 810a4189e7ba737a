import { expect } from 'vitest';
import type { OpenApiDocument } from '../../src/openapi/document-resolver.js';
import { createOperationIndex } from '../../src/openapi/operation-index.js';
import { createResponseValidator } from '../../src/openapi/response-validator.js';
import type { CallOptions, CallResult } from './json-call.js';
import type { TransportHarness } from './mock-harness.js';

/** A response as the contract tests read it. */
export type ContractResponse = CallResult;

export interface ContractCallerOptions {
  document: OpenApiDocument;
  /** The vendor's origin the harness answers on. */
  origin: string;
  /** Checks every response whatever its route (the vendor's error shape, headers). */
  checkEvery?: (response: ContractResponse) => void;
  /** Checks a response to a path the document does not route (it must still be a vendor error). */
  checkUnrouted: (response: ContractResponse) => void;
}

/**
 * A call helper that checks every answer against a vendor's OpenAPI document: a routed operation's
 * response must be declared and conform (status, headers, body); an unrouted one must still be the
 * vendor's error; no response may be a 500 nobody injected. It records each (operationId, status) seen,
 * so a conformance test can assert that every declared response was produced.
 */
export function createContractCaller(options: ContractCallerOptions) {
  const index = createOperationIndex(options.document);
  const responses = createResponseValidator(options.document);
  const seen = new Set<string>();
  const call = async (
    harness: TransportHarness,
    method: string,
    path: string,
    init: CallOptions = {},
    check: { injected500?: boolean } = {},
  ): Promise<ContractResponse> => {
    const url = `${options.origin}${path}`;
    const response = await harness.call(method, url, init);
    if (!check.injected500)
      expect(response.status, `${method} ${path} answered 500: ${response.text}`).not.toBe(500);
    options.checkEvery?.(response);
    const match = index.match(method, new URL(url).pathname);
    if (match.kind === 'found') {
      const problems = responses.validate(match.operation, response.status, response.headers, response.json);
      expect(problems, `${method} ${path} -> ${response.status} ${response.text}`).toEqual([]);
      seen.add(`${match.operation.id} ${response.status}`);
    } else {
      options.checkUnrouted(response);
    }
    return response;
  };
  return { call, seen, index };
}
