import type { components } from '../../generated/admin.types.js';
import { isJournalVendor } from '../../runtime/journal.js';
import { toHar } from '../har.js';
import { tenantVendorFilter, type AdminContext, type AdminInput } from './admin-context.js';
import type { Reply } from '../../http/answer.js';
import { adminError } from './admin-error.js';
import { operationFilter } from './journal-operation-filter.js';

/** `adminGetJournal` (JSON or HAR 1.2) and `adminClearJournal`. */
export function createJournalOperations(context: AdminContext) {
  const { journal } = context.runtime;
  return {
    adminGetJournal: ({ query }: AdminInput): Reply => {
      const operation =
        typeof query['operation'] === 'string' ? operationFilter(query['operation']) : undefined;
      if (operation && 'unknown' in operation) {
        return adminError(
          'VALIDATION_ERROR',
          `Invalid request: operation "${String(query['operation'])}" is not an operationId of any mocked API or of the control API. Use one of: ${operation.unknown.join(', ')}.`,
          [{ path: 'operation', message: 'unknown operationId' }],
        );
      }
      const entries = journal.entries({
        ...tenantVendorFilter(query, isJournalVendor),
        ...operation,
        ...(typeof query['limit'] === 'number' ? { limit: query['limit'] } : {}),
      });
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
    adminClearJournal: (): Reply => {
      const body: components['schemas']['JournalCleared'] = { cleared: journal.clear() };
      return { status: 200, body };
    },
  };
}
