import { describe, expect, it } from 'vitest';
import { puffleSetup } from './puffle-api.js';

const slugs = (response: { json: { enrichments: { slug: string }[] } }): string[] =>
  response.json.enrichments.map((entry) => entry.slug);

describe('puffle: GET /api/enrichments', () => {
  it('lists every catalog entry with its schemas, default output, cost model and string version', async () => {
    const { client } = puffleSetup('default', 601);
    const response = await client.catalog();
    expect(response.status).toBe(200);
    expect(slugs(response)).toEqual(['work_email', 'phone_number', 'website_overview', 'hiring_status']);
    const [workEmail] = response.json.enrichments;
    expect(workEmail).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      slug: 'work_email',
      name: 'Work email',
      subject: 'person',
      version: '1',
      enabled: true,
      visibility: 'public',
      inputSchema: { type: 'object', additionalProperties: false, properties: {} },
      outputSchema: { type: 'string', format: 'email' },
      defaultOutput: { target: 'lead_attribute', attributeKey: 'workEmail' },
      defaultOutputAttributeKey: 'workEmail',
      outputOverridePolicy: 'allowed',
      costModel: { creditAction: 'enrichment.work_email' },
    });
    expect(response.json.enrichments[3].outputSchema).toEqual({
      type: 'string',
      enum: ['hiring', 'not_hiring', 'unknown'],
    });
    expect((await client.catalog()).json).toEqual(response.json);
  });

  it('filters by exact slug with id and by case-insensitive text with q, both when both are given', async () => {
    const { client } = puffleSetup('default', 602);
    expect(slugs(await client.catalog({ id: 'hiring_status' }))).toEqual(['hiring_status']);
    expect(slugs(await client.catalog({ q: 'EMAIL' }))).toEqual(['work_email']);
    expect(slugs(await client.catalog({ q: 'company' }))).toEqual(['website_overview', 'hiring_status']);
    expect(slugs(await client.catalog({ id: 'work_email', q: 'phone' }))).toEqual([]);
    expect(slugs(await client.catalog({ id: 'work_email', q: 'work' }))).toEqual(['work_email']);
  });

  it('answers an empty list, not 404, when nothing matches', async () => {
    const { client } = puffleSetup('default', 603);
    const response = await client.catalog({ id: 'no_such_enrichment' });
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ enrichments: [] });
  });
});
