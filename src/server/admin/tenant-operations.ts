import type { components } from '../../generated/admin.types.js';
import { describeTenant, updateTenant } from '../../runtime/tenant-admin.js';
import { scenarioNameOf, type AdminContext, type AdminInput } from './admin-context.js';
import type { Reply } from '../../http/answer.js';
import { adminError } from './admin-error.js';

/**
 * `adminGetTenant` and `adminUpdateTenant`. Every API key has a world (created from the scenario on first
 * use, as a vendor call would), so only an unknown `scenario` answers 404.
 */
export function createTenantOperations(context: AdminContext) {
  const { runtime } = context;
  return {
    adminGetTenant: ({ params, query }: AdminInput): Reply => {
      const name = scenarioNameOf(query, runtime);
      const scenario = runtime.context(name);
      if (!scenario)
        return adminError(
          'NOT_FOUND',
          `Scenario not found - ${name}. List the scenarios with GET /__admin/scenarios.`,
        );
      const body: components['schemas']['Tenant'] = describeTenant(scenario, String(params['key']));
      return { status: 200, body };
    },
    adminUpdateTenant: ({ params, body }: AdminInput): Reply => {
      const scenario = runtime.context();
      if (!scenario)
        return adminError(
          'INTERNAL_ERROR',
          `The active scenario "${runtime.active.name}" has no state: reset the server.`,
        );
      const change = body as components['schemas']['TenantUpdate'];
      const tenant: components['schemas']['Tenant'] = updateTenant(scenario, String(params['key']), change);
      return { status: 200, body: tenant };
    },
  };
}
