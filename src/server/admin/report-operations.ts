import { entryMatcher, type JournalMatcher } from '../../conformance/journal-matcher.js';
import type { ReportFilter } from '../../conformance/report.js';
import { toJunit } from '../../conformance/to-junit.js';
import type { components } from '../../generated/admin.types.js';
import { tenantVendorFilter, type AdminContext, type AdminInput } from './admin-context.js';
import type { Reply } from '../../http/answer.js';
import { isVendor } from '../../vendors/vendor-descriptors.js';
import { adminError } from './admin-error.js';

type Schemas = components['schemas'];

/** `adminGetReport` (JSON or JUnit XML) and `adminCountJournal`. */
export function createReportOperations(context: AdminContext) {
  const { journal } = context.runtime;
  return {
    adminGetReport: ({ query }: AdminInput): Reply => {
      const filter: ReportFilter = {
        ...tenantVendorFilter(query, isVendor),
        ...(typeof query['severity'] === 'string'
          ? { severity: query['severity'] as Schemas['Severity'] }
          : {}),
      };
      const report = context.report(filter);
      if (query['format'] === 'junit')
        return {
          status: 200,
          body: null,
          text: toJunit(report),
          headers: { 'content-type': 'application/xml; charset=utf-8' },
        };
      const body: Schemas['ConformanceReport'] = report;
      return { status: 200, body };
    },
    adminCountJournal: ({ body }: AdminInput): Reply => {
      const test = entryMatcher(body as JournalMatcher);
      if (typeof test === 'string') return adminError('VALIDATION_ERROR', `Invalid matcher: ${test}`);
      const count: Schemas['JournalCount'] = { count: journal.entries().filter(test).length };
      return { status: 200, body: count };
    },
  };
}
