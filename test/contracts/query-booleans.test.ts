import { describe, expect, it } from 'vitest';
import admin from '../../src/generated/admin.document.js';
import exa from '../../src/generated/exa-websets.document.js';
import puffle from '../../src/generated/puffle.document.js';
import sendkit from '../../src/generated/sendkit.document.js';
import {
  createDocumentResolver,
  isRecord,
  type OpenApiDocument,
} from '../../src/openapi/document-resolver.js';
import { createOperationIndex } from '../../src/openapi/operation-index.js';
import { createHarness } from '../support/mock-harness.js';
import { exaClient } from '../vendors/exa/exa-api.js';
import { webhooksClient } from '../vendors/exa/webhooks-api.js';
import { sendkitClient } from '../vendors/sendkit/sendkit-api.js';

/** `operationId query-name` of every boolean query parameter a document declares. */
function booleanQueryParameters(document: OpenApiDocument): string[] {
  const resolver = createDocumentResolver(document);
  return createOperationIndex(document).operations.flatMap((operation) =>
    operation.parameters
      .filter((parameter) => parameter.in === 'query')
      .filter((parameter) => {
        const { value } = resolver.follow(parameter.schema, parameter.pointer);
        return isRecord(value) && value['type'] === 'boolean';
      })
      .map((parameter) => `${operation.id} ${parameter.name}`),
  );
}

/** Python's `str(True)`, shouting, and mixed case, each with the lowercase spelling it must equal. */
const SPELLINGS: [string, string][] = [
  ['True', 'true'],
  ['False', 'false'],
  ['TRUE', 'true'],
  ['fAlSe', 'false'],
];

describe('boolean query parameters', () => {
  it('are the ones tested here, on every vendor', () => {
    expect([admin, puffle, sendkit, exa].flatMap(booleanQueryParameters)).toEqual([
      'sendkitListLeads emailVerified',
      'sendkitListLeads segProtected',
      'sendkitListLeads phoneFound',
      'exaListWebhookAttempts successful',
    ]);
  });

  it.each(
    ['emailVerified', 'segProtected', 'phoneFound'].flatMap((name) => SPELLINGS.map((s) => [name, ...s])),
  )('sendkit: GET /v1/leads?%s=%s answers as with %s', async (name, spelled, lower) => {
    const client = sendkitClient(createHarness({ scenario: 'default', seed: 1301 }), 'sk_booleans');
    const asSpelled = await client.leads({ [name]: spelled });
    const asLower = await client.leads({ [name]: lower });
    expect(asSpelled.status, asSpelled.text).toBe(200);
    expect(asSpelled.json.data).toEqual(asLower.json.data);
  });

  it.each(SPELLINGS)(
    'exa: GET /websets/v0/webhooks/{id}/attempts?successful=%s answers as with %s',
    async (spelled, lower) => {
      const hooks = webhooksClient(
        exaClient(createHarness({ scenario: 'default', seed: 1302 }), 'exa_bools'),
      );
      const webhook = await hooks.create({ events: ['webset.idle'], url: 'https://hooks.example/exa' });
      const asSpelled = await hooks.attempts(webhook.json.id, { successful: spelled });
      const asLower = await hooks.attempts(webhook.json.id, { successful: lower });
      expect(asSpelled.status, asSpelled.text).toBe(200);
      expect(asSpelled.json).toEqual(asLower.json);
    },
  );
});
