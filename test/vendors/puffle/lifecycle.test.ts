import { runLifecycleSuite, type NeutralStatus } from '../../support/lifecycle-suite.js';
import { listRun, puffleClient } from './puffle-api.js';

runLifecycleSuite({
  vendor: 'puffle',
  apiKey: (n) => `pk_live_lifecycle_${n}`,
  async start(harness, apiKey) {
    const response = await puffleClient(harness, apiKey).create(listRun('work_email', 'list_prospects'));
    const id: unknown = response.json?.enrichmentRunId;
    return { status: response.status, id: typeof id === 'string' ? id : undefined };
  },
  async status(harness, apiKey, id) {
    const response = await puffleClient(harness, apiKey).get(id);
    return response.status === 200 ? (response.json.run.status as NeutralStatus) : response.status;
  },
  async cancel(harness, apiKey, id) {
    const response = await puffleClient(harness, apiKey).cancel(id);
    if (response.status === 200) return 'ok';
    if (response.status === 404) return 'not_found';
    return response.json.reason === 'run_status_changed' ? 'status_changed' : 'not_cancellable';
  },
  reportsStatusChanged: true,
  reportsFailed: true,
  dispatchFailureStatus: 502,
});
