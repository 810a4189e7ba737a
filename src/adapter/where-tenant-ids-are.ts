/**
 * Where a client finds the list and lead ids of its API key: the control API on the standalone server,
 * `mock.tenant(key).describe()` in process. Every vendor's "that id is not yours" error ends with it.
 *
 * @example
 * whereTenantIdsAre('pk_live_demo', 'default');
 * // 'Your lists and lead ids: GET /__admin/tenants/pk_live_demo?scenario=default on the mock server, or mock.tenant("pk_live_demo").describe() in process.'
 */
export function whereTenantIdsAre(tenant: string, scenario: string): string {
  const path = `/__admin/tenants/${encodeURIComponent(tenant)}?scenario=${encodeURIComponent(scenario)}`;
  return `Your lists and lead ids: GET ${path} on the mock server, or mock.tenant(${JSON.stringify(tenant)}).describe() in process.`;
}
