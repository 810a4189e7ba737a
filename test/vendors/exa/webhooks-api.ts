import type { ExaClient } from './exa-api.js';
import { queryOf } from './exa-api.js';

/** The Webhook calls of exa-js (`exa.websets.webhooks.*`), through the contract-checking client. */
export function webhooksClient(client: ExaClient) {
  const at = (id: string) => `/webhooks/${encodeURIComponent(id)}`;
  const bodiless = { headers: { 'content-type': 'application/json' } };
  return {
    create: (body: unknown) => client.call('POST', '/webhooks', { body }),
    list: (query: Record<string, string | number> = {}) => client.call('GET', `/webhooks${queryOf(query)}`),
    get: (id: string) => client.call('GET', at(id)),
    update: (id: string, body: unknown) => client.call('PATCH', at(id), { body }),
    delete: (id: string) => client.call('DELETE', at(id), bodiless),
    attempts: (id: string, query: Record<string, string | number> = {}) =>
      client.call('GET', `${at(id)}/attempts${queryOf(query)}`),
  };
}
