import {
  runLifecycleSuite,
  type LifecycleDriver,
  type NeutralStatus,
} from '../../support/lifecycle-suite.js';
import { leadIds, sendkitClient } from './sendkit-api.js';

const NEUTRAL: Record<string, NeutralStatus> = {
  pending: 'pending',
  processing: 'running',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** Sendkit speaks the lifecycle through email verification jobs over the workspace's 25 person leads. */
const driver: LifecycleDriver = {
  vendor: 'sendkit',
  apiKey: (n) => `sk_lifecycle_${n}`,
  async start(harness, apiKey) {
    const client = sendkitClient(harness, apiKey);
    const response = await client.enrich({ leadIds: await leadIds(client), enrichmentTypes: ['email'] });
    return {
      status: response.status,
      id: response.status === 200 ? response.json.data.jobs[0].jobId : undefined,
    };
  },
  async status(harness, apiKey, id) {
    const response = await sendkitClient(harness, apiKey).job(id);
    return response.status === 200
      ? (NEUTRAL[response.json.data.status] ?? response.status)
      : response.status;
  },
  async cancel(harness, apiKey, id) {
    const response = await sendkitClient(harness, apiKey).cancel(id);
    if (response.status === 200) return 'ok';
    if (response.status === 404) return 'not_found';
    if (response.status === 400 && response.json.error.code === 'VALIDATION_ERROR') return 'not_cancellable';
    throw new Error(`Unexpected cancel answer ${response.status}: ${response.text}`);
  },
  reportsStatusChanged: false,
  reportsFailed: true,
  dispatchFailureStatus: 200,
};

runLifecycleSuite(driver);
