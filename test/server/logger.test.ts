import { describe, expect, it } from 'vitest';
import { createLogger, type LineLevel, type LogLevel } from '../../src/server/logger.js';

describe('createLogger', () => {
  it.each<[LogLevel, LineLevel[]]>([
    ['silent', []],
    ['error', ['error']],
    ['warn', ['error', 'warn']],
    ['info', ['error', 'warn', 'info']],
    ['debug', ['error', 'warn', 'info', 'debug']],
  ])('at %s writes %j', (level, written) => {
    const lines: string[] = [];
    const logger = createLogger(level, (line) => lines.push(line));
    for (const lineLevel of ['error', 'warn', 'info', 'debug'] as const)
      logger.log(lineLevel, 'hello', { n: 1 });
    expect(lines.map((line) => (JSON.parse(line) as { level: string }).level)).toEqual(written);
  });

  it('writes one JSON object per line with time, level, message and fields', () => {
    const lines: string[] = [];
    createLogger('info', (line) => lines.push(line)).log('info', 'request', { status: 200 });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      time: expect.stringMatching(/Z$/),
      level: 'info',
      msg: 'request',
      status: 200,
    });
  });
});
