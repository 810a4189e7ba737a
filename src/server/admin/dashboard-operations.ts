import type { Reply } from '../../http/answer.js';
import { DASHBOARD_PATH } from '../dashboard-path.js';
import { adminError } from './admin-error.js';

/**
 * `adminGetDashboard` as the control API answers it: the standalone server serves the dashboard's files
 * before the control API (see `serveDashboard`), so only an adapter without them (the in-process mock,
 * `replay`) gets here.
 */
export function createDashboardOperations() {
  return {
    adminGetDashboard: (): Reply =>
      adminError(
        'NOT_FOUND',
        `The dashboard is served by the standalone server only: run \`enrichment-mock serve\` and open ${DASHBOARD_PATH}.`,
      ),
  };
}
