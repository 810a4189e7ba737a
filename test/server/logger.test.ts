import { describe, expect, it } from 'vitest';
import { createLogger, type LogFormat, type LogLevel } from '../../src/server/logger.js';

/** A logger writing into an array, one entry per line. */
function capture(level: LogLevel, format: LogFormat) {
  const lines: string[] = [];
  const logger = createLogger({ level, format, destination: { write: (line) => void lines.push(line) } });
  return { logger, lines };
}

const REQUEST = {
  requestId: 'req_00000007',
  method: 'GET',
  path: '/api/enrichments',
  status: 429,
  vendor: 'puffle',
  operation: 'puffleListEnrichments',
  scenario: 'flaky',
  tenant: 'pk_live_a',
  durationMs: 1.25,
  error: { code: 'rate_limited', message: 'Too many requests.' },
  faults: [
    { rule: 'slow-catalog', kind: 'latency 800ms' },
    { rule: 'rate-limited-every-5th-call', kind: '429' },
  ],
};

describe('createLogger', () => {
  it.each<[LogLevel, string[]]>([
    ['silent', []],
    ['error', ['error']],
    ['warn', ['error', 'warn']],
    ['info', ['error', 'warn', 'info']],
    ['debug', ['error', 'warn', 'info', 'debug']],
  ])('at %s writes %j', (level, written) => {
    const { logger, lines } = capture(level, 'json');
    for (const lineLevel of ['error', 'warn', 'info', 'debug'] as const) logger[lineLevel]({ n: 1 }, 'hello');
    expect(lines.map((line) => (JSON.parse(line) as { level: string }).level)).toEqual(written);
  });

  it('json: writes one object per line with the level name, an ISO time, the fields and msg', () => {
    const { logger, lines } = capture('info', 'json');
    logger.warn(REQUEST, 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('}\n')).toBe(true);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      level: 'warn',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      msg: 'request',
      ...REQUEST,
    });
  });

  it('json: an exception logged as err carries its type, message and stack', () => {
    const { logger, lines } = capture('info', 'json');
    logger.error({ requestId: 'req_1', err: new TypeError('boom') }, 'request failed');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      msg: 'request failed',
      err: { type: 'TypeError', message: 'boom', stack: expect.stringContaining('TypeError: boom') },
    });
  });

  it('pretty: a request is one line: status, method, path, duration, vendor, operation, tenant, id, error, faults', () => {
    const { logger, lines } = capture('info', 'pretty');
    logger.warn(REQUEST, 'request');
    expect(lines).toEqual([
      expect.stringMatching(
        /^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: 429 GET \/api\/enrichments 1\.25ms puffle puffleListEnrichments pk_live_a req_00000007 rate_limited: Too many requests\. \[fault slow-catalog: latency 800ms\] \[fault rate-limited-every-5th-call: 429\]\n$/,
      ),
    ]);
  });

  it('pretty: a request without tenant, operation, error or fault keeps to the facts it has', () => {
    const { logger, lines } = capture('info', 'pretty');
    const facts = {
      ...REQUEST,
      requestId: 'req_2',
      path: '/nowhere',
      status: 200,
      operation: null,
      tenant: null,
    };
    logger.info({ ...facts, error: undefined, faults: undefined }, 'request');
    expect(lines[0]).toMatch(/\] INFO: 200 GET \/nowhere 1\.25ms puffle req_2\n$/);
  });

  it('pretty: a webhook delivery names the event, the receiver, the attempt and its outcome', () => {
    const { logger, lines } = capture('info', 'pretty');
    logger.warn(
      {
        webhookId: 'webhook_1',
        eventId: 'event_1',
        eventType: 'webset.item.enriched',
        url: 'http://127.0.0.1:9000/hook',
        attempt: 2,
        status: 500,
        error: 'receiver answered 500',
        virtualTime: '2026-01-05T09:00:01.000Z',
      },
      'webhook delivery',
    );
    expect(lines[0]).toMatch(
      /\] WARN: webhook delivery webset\.item\.enriched event_1 -> http:\/\/127\.0\.0\.1:9000\/hook attempt 2: 500 receiver answered 500 webhookId=webhook_1 virtualTime=2026-01-05T09:00:01\.000Z\n$/,
    );
  });

  it('pretty: anything else is its message and key=value fields, then an exception stack', () => {
    const { logger, lines } = capture('info', 'pretty');
    logger.info({ signal: 'SIGTERM' }, 'shutting down');
    logger.error({ requestId: 'req_3', err: new Error('boom') }, 'request failed');
    expect(lines[0]).toMatch(/\] INFO: shutting down signal=SIGTERM\n$/);
    expect(lines[1]).toMatch(/\] ERROR: request failed requestId=req_3\nError: boom\n\s+at /);
  });
});
