/**
 * Your own msw handlers in the enrichment-mock sandbox:
 *
 *   npm start -- --handlers examples/handlers/overrides.ts
 *
 * Each file passed with `--handlers` default-exports an array of msw request handlers. They are tried
 * before the vendors (first match wins, as in `setupServer`); a request none of them answers falls
 * through to the vendor mocks. Paths are resolved against the server's own origin. Every exchange is
 * journalled (`GET /__admin/journal`), these included.
 */
import { http, HttpResponse } from 'msw';

export default [
  // Overrides one Puffle operation: the catalog lists one enrichment of your own.
  http.get('/api/enrichments', () =>
    HttpResponse.json({
      enrichments: [
        {
          id: 'team_custom_score',
          name: 'Team custom score',
          description: 'A catalog entry only this sandbox has.',
          entityType: 'person',
          creditCost: 1,
        },
      ],
    }),
  ),
  // Adds an API enrichment-mock does not know: the CRM your service also calls.
  http.get('/crm/contacts/:id', ({ params }) =>
    HttpResponse.json({ id: params['id'], name: 'Ada Lovelace', owner: 'sales@example.com' }),
  ),
];
