import { describe, expect, it } from 'vitest';
import {
  faultedAnswer,
  GARBAGE_PAGE,
  isTransportFault,
  TRANSPORT_FAULT_TYPES,
  type TransportFaultType,
} from '../../src/adapter/transport-fault.js';
import { field } from '../../src/conformance/vendor-facts.js';
import type { Answer } from '../../src/http/answer.js';
import { scenarioFileSchema } from '../../src/scenario/file-schema.js';

const answer: Answer = { status: 200, headers: { 'x-request-id': 'req_1' }, body: '{"id":"run_1"}' };

describe('transport faults, declared once', () => {
  const cases: { type: TransportFaultType; want: Answer | null }[] = [
    { type: 'reset', want: null },
    { type: 'hang', want: null },
    { type: 'truncate', want: { ...answer, body: '{"id":"' } },
    {
      type: 'garbage',
      want: {
        status: 502,
        headers: { 'x-request-id': 'req_1', 'content-type': 'text/html' },
        body: GARBAGE_PAGE,
      },
    },
  ];

  it.each(cases)('leaves of an answer under $type what the table says', ({ type, want }) => {
    expect(faultedAnswer(type, answer)).toEqual(want);
    expect(isTransportFault({ type })).toBe(true);
  });

  it('are every case above, the scenario schema enum and its text, and nothing else', () => {
    expect(TRANSPORT_FAULT_TYPES).toEqual(cases.map(({ type }) => type));
    const transport = field(scenarioFileSchema, '$defs', 'faultEffect', 'properties', 'transport');
    expect(field(transport, 'enum')).toEqual(TRANSPORT_FAULT_TYPES);
    for (const type of TRANSPORT_FAULT_TYPES)
      expect(field(transport, 'description')).toContain(`\`${type}\``);
  });

  it('leave an answer alone without a fault, and are not status, latency or dispatch faults', () => {
    expect(faultedAnswer(undefined, answer)).toBe(answer);
    expect(isTransportFault({ type: 'latency', ms: 10 })).toBe(false);
    expect(isTransportFault({ type: 'status', status: 429 })).toBe(false);
    expect(isTransportFault({ type: 'dispatch_failure', message: 'x' })).toBe(false);
  });
});
