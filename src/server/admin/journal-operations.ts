import type { components } from '../../generated/admin.types.js';
import type { JournalQuery } from '../../runtime/journal.js';
import { toHar } from '../har.js';
import type { AdminContext, AdminInput } from './admin-context.js';
import type { AdminResult } from './admin-error.js';

/** `adminGetJournal` (JSON or HAR 1.2) and `adminClearJournal`. */
export function createJournalOperations(context: AdminContext) {
  const { journal } = context.runtime;
  return {
    adminGetJournal: ({ query }: AdminInput): AdminResult => {
      const filter: JournalQuery = {
        ...(typeof query['tenant'] === 'string' ? { tenant: query['tenant'] } : {}),
        ...(typeof query['vendor'] === 'string'
          ? { vendor: query['vendor'] as JournalQuery['vendor'] & string }
          : {}),
        ...(typeof query['limit'] === 'number' ? { limit: query['limit'] } : {}),
      };
      const entries = journal.entries(filter);
      if (query['format'] === 'har') {
        const { recording, runtime, version } = context;
        return {
          status: 200,
          body: toHar(entries, {
            ...recording,
            version,
            clock: runtime.clock.mode,
            dropped: journal.dropped,
          }),
        };
      }
      const body: components['schemas']['Journal'] = {
        entries,
        dropped: journal.dropped,
        limit: journal.limit,
      };
      return { status: 200, body };
    },
    adminClearJournal: (): AdminResult => {
      const body: components['schemas']['JournalCleared'] = { cleared: journal.clear() };
      return { status: 200, body };
    },
  };
}
