import { afterEach, describe, expect, it } from 'vitest';
import { writeTempFile } from '../support/temp-files.js';
import { checkedAdminCall } from './support/admin-call.js';
import { startTestServer, type TestServer } from './support/in-process-server.js';

let server: TestServer;
afterEach(async () => server?.close());

describe('journal: injected faults', () => {
  it('records the faults that shaped an exchange, with their rule, and none on the others', async () => {
    const file = writeTempFile(
      'first-call-fails.yaml',
      [
        'name: first-call-fails',
        'extends: default',
        'description: The first call to any vendor fails with a 503.',
        'faults:',
        '  - name: first-call-unavailable',
        '    match: { nth: [1] }',
        '    effect: { status: 503, message: Service temporarily unavailable }',
      ].join('\n'),
    );
    server = await startTestServer({ scenario: file, seed: 1805 });
    const headers = { authorization: 'Bearer pk_live_faults' };
    expect((await server.call('GET', '/api/enrichments', { headers })).status).toBe(503);
    expect((await server.call('GET', '/api/enrichments', { headers })).status).toBe(200);
    const { json } = await checkedAdminCall(server, 'GET', '/__admin/journal?vendor=puffle');
    expect(json.entries[0].faults).toEqual([
      {
        rule: 'first-call-unavailable',
        type: 'status',
        status: 503,
        message: 'Service temporarily unavailable',
      },
    ]);
    expect(json.entries[1]).not.toHaveProperty('faults');
  });
});
