/**
 * Where the server mounts the dashboard. In a module of its own, with no imports, so the CLI's start-up
 * banner and the control API name it without loading express.
 *
 * @example
 * `${baseUrl}${DASHBOARD_PATH}`; // 'http://localhost:4010/__admin/ui'
 */
export const DASHBOARD_PATH = '/__admin/ui';
