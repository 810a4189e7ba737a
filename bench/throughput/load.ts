/** One autocannon measurement, reduced to the numbers the report prints. */
import autocannon from 'autocannon';
import { cpuSecondsOf } from './children.js';
import type { WorkloadName, WorkloadPlan } from './workloads.js';
import { requestsFor } from './workloads.js';

export interface Sample {
  /** Completed requests per second over the whole measurement. */
  rps: number;
  p50: number;
  p99: number;
  /** Socket errors and timeouts (autocannon counts a timeout as an error too). */
  errors: number;
  non2xx: number;
  /** Status codes other than 2xx and how often they came. */
  statuses: Record<string, number>;
  /** Bytes read per response, headers included. */
  bytesPerResponse: number;
  requests: number;
  /** CPU the server process used during the measurement, in seconds (all threads; NaN without /proc). */
  serverCpuSeconds: number;
  /** Wall-clock length of the measurement in seconds. */
  seconds: number;
}

export interface LoadOptions {
  origin: string;
  workload: WorkloadName;
  plan: WorkloadPlan;
  connections: number;
  durationSeconds: number;
  /** The server's pid, to read its CPU time before and after. */
  serverPid: number;
}

export async function measure(options: LoadOptions): Promise<Sample> {
  const cpuBefore = cpuSecondsOf(options.serverPid);
  const result = await autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.durationSeconds,
    pipelining: 1,
    timeout: 10,
    requests: requestsFor(options.workload, options.plan),
  });
  const cpuAfter = cpuSecondsOf(options.serverPid);
  const requests = result.requests.total;
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) {
    if (!code.startsWith('2')) statuses[code] = count;
  }
  return {
    rps: result.duration > 0 ? requests / result.duration : 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    statuses,
    bytesPerResponse: requests > 0 ? result.throughput.total / requests : 0,
    requests,
    serverCpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? Number.NaN : cpuAfter - cpuBefore,
    seconds: result.duration,
  };
}
