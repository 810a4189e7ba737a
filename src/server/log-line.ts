/** Fields pino-pretty prints itself (time, level) or that `logLine` places (the message). */
const PLACED = new Set(['time', 'level', 'msg', 'err']);

const text = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);

/** `key=value` for every field the line has not placed, in the order they were logged. */
const rest = (log: Record<string, unknown>, placed: readonly string[]): string =>
  Object.entries(log)
    .filter(([key, value]) => !PLACED.has(key) && !placed.includes(key) && value !== undefined)
    .map(([key, value]) => ` ${key}=${text(value)}`)
    .join('');

const REQUEST_FIELDS = [
  'status',
  'method',
  'path',
  'durationMs',
  'vendor',
  'operation',
  'tenant',
  'requestId',
  'error',
  'faults',
  'scenario',
] as const;

/** `200 POST /api/enrichment 8.2ms puffle puffleCreateEnrichmentRun pk_live_abc req_00000004 ...` */
function requestLine(log: Record<string, unknown>): string {
  const parts = [
    text(log['status']),
    text(log['method']),
    text(log['path']),
    `${text(log['durationMs'])}ms`,
    [log['vendor'], log['operation']].filter((part) => typeof part === 'string').join(' '),
  ];
  if (typeof log['tenant'] === 'string') parts.push(log['tenant']);
  parts.push(text(log['requestId']));
  const error = log['error'];
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error)
    parts.push(`${text(error.code)}: ${text(error.message)}`);
  const faults: unknown[] = Array.isArray(log['faults']) ? log['faults'] : [];
  for (const fault of faults)
    if (typeof fault === 'object' && fault !== null && 'rule' in fault && 'kind' in fault)
      parts.push(`[fault ${text(fault.rule)}: ${text(fault.kind)}]`);
  return parts.join(' ') + rest(log, REQUEST_FIELDS);
}

const DELIVERY_FIELDS = ['eventType', 'eventId', 'url', 'attempt', 'status', 'error'] as const;

/** `webhook delivery webset.item.enriched evt_1 -> http://127.0.0.1:9000/hook attempt 1: 200` */
function deliveryLine(log: Record<string, unknown>): string {
  const outcome =
    log['error'] === undefined ? text(log['status']) : `${text(log['status'])} ${text(log['error'])}`;
  return (
    `webhook delivery ${text(log['eventType'])} ${text(log['eventId'])} -> ${text(log['url'])} ` +
    `attempt ${text(log['attempt'])}: ${outcome}${rest(log, DELIVERY_FIELDS)}`
  );
}

/**
 * The readable form of one log record, after pino-pretty's `[time] LEVEL:`: a request is one line with
 * status, method, path, duration, vendor and operation, tenant, request id, then the error's code and
 * message (4xx/5xx) and every injected fault with its rule and kind; a webhook delivery names the event,
 * the receiver, the attempt and its outcome; anything else is its message and `key=value` fields, then
 * the stack of an exception logged as `err`.
 *
 * @example
 * logLine({ msg: 'request', status: 429, method: 'GET', path: '/api/enrichments', durationMs: 1.2,
 *   vendor: 'puffle', operation: 'puffleListEnrichments', tenant: 'pk_live_a', requestId: 'req_1',
 *   error: { code: 'rate_limited', message: 'Slow down.' }, faults: [{ rule: 'every-5th', kind: '429' }] }, 'msg');
 * // '429 GET /api/enrichments 1.2ms puffle puffleListEnrichments pk_live_a req_1 rate_limited: Slow down. [fault every-5th: 429]'
 */
export function logLine(log: Record<string, unknown>, messageKey: string): string {
  const message = text(log[messageKey]);
  if (message === 'request') return requestLine(log);
  if (message === 'webhook delivery') return deliveryLine(log);
  const { err } = log;
  const stack = typeof err === 'object' && err !== null && 'stack' in err ? `\n${text(err.stack)}` : '';
  return message + rest(log, [messageKey]) + stack;
}
