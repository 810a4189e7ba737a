/**
 * A small Sendkit enrichment client, written the way an application would write it: plain `fetch`, no
 * SDK. It lists the workspace's leads, starts enrichment jobs on them, polls a job until it stops (with a
 * deadline), reads the results off the leads and cancels jobs.
 *
 * Retries: reads and cancels are retried on 429 (honouring `Retry-After`), 5xx and network errors.
 * Starting jobs is not idempotent on Sendkit (there is no idempotency key, and jobs are charged up
 * front), so `startJobs` is retried only when Sendkit refused it outright (429, 503); when the answer is
 * lost it throws with `mayHaveBeenProcessed: true` instead of risking a second charge.
 *
 * `fetch`, `sleep`, `now` and the base URL are injectable, so a test runs it against enrichment-mock
 * without waiting: see `client.test.ts`.
 */

export type JobStatus = 'pending' | 'processing' | 'completed' | 'failed' | 'cancelled';
export type EnrichmentType = 'email' | 'phoneEnrichment' | 'segGateway' | 'espDetection';

export interface Job {
  id: string;
  type: string;
  status: JobStatus;
  metadata: {
    totalItems: number;
    processedItems: number;
    successCount: number;
    failedCount: number;
    creditsUsed: number;
  };
  completedAt: string | null;
}

export interface StartedJob {
  jobId: string;
  type: string;
  status: JobStatus;
  totalItems: number;
  creditsUsed: number;
}

/** The fields of a lead this client reads (Sendkit sends more). */
export interface Lead {
  id: string;
  email: string | null;
  emailVerified: boolean;
  emailVerificationResult: 'valid' | 'risky' | 'invalid' | 'unknown' | null;
}

export interface SendkitClientOptions {
  apiKey: string;
  /** Only with a platform key (`sk_user_...`): the workspace to act in. */
  workspaceId?: string;
  /** Default `https://api.sendkit.ai`. */
  baseUrl?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** The clock deadlines are measured on. Default `Date.now`. */
  now?: () => number;
  /** Time between two polls of a job. Default 3 s. */
  pollIntervalMs?: number;
  /** How long `waitForJob` waits before giving up. Default 10 minutes. */
  waitTimeoutMs?: number;
  /** Tries per call, the first included. Default 5. */
  maxAttempts?: number;
  /** Per-request timeout (a hung connection counts as a network error). Default 30 s. */
  requestTimeoutMs?: number;
}

/** A failed call: Sendkit's error (`status`, `code`), or `NETWORK_ERROR` / `INVALID_RESPONSE` (status 0 or the HTTP status). */
export class SendkitError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** True when the request may have been handled although no answer arrived: do not simply retry it. */
    readonly mayHaveBeenProcessed = false,
  ) {
    super(`Sendkit ${status || 'call'} failed with ${code}: ${message}`);
    this.name = 'SendkitError';
  }
}

/** The job was still going when the deadline passed; it keeps running on Sendkit's side. */
export class JobTimeoutError extends Error {
  constructor(readonly job: Job) {
    super(`Job ${job.id} was still ${job.status} when the deadline passed.`);
    this.name = 'JobTimeoutError';
  }
}

const TERMINAL: ReadonlySet<JobStatus> = new Set(['completed', 'failed', 'cancelled']);

/** Seconds or an HTTP date, as `Retry-After` may carry; undefined when absent or unreadable. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

interface Envelope {
  success: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}

function parseEnvelope(text: string): Envelope | undefined {
  try {
    const value = JSON.parse(text) as Envelope | null;
    return value !== null && typeof value === 'object' && typeof value.success === 'boolean'
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

export function createSendkitClient(options: SendkitClientOptions) {
  const baseUrl = (options.baseUrl ?? 'https://api.sendkit.ai').replace(/\/$/, '');
  // Looked up per call, so a fetch patched later (msw's setupServer) is the one used.
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const pollIntervalMs = options.pollIntervalMs ?? 3_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const headers: Record<string, string> = { 'x-api-key': options.apiKey, 'content-type': 'application/json' };
  if (options.workspaceId) headers['x-workspace-id'] = options.workspaceId;

  /** Exponential backoff: 0.5 s, 1 s, 2 s, ... capped at 8 s. (Add jitter when many workers share a key.) */
  const backoff = (attempt: number) => Math.min(8_000, 500 * 2 ** (attempt - 1));

  type Attempt<T> =
    | { ok: true; value: T }
    | { ok: false; error: SendkitError; refused: boolean; retryAfterMs: number | undefined };

  async function attempt<T>(method: string, path: string, body: unknown): Promise<Attempt<T>> {
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.requestTimeoutMs ?? 30_000),
      });
      text = await response.text();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: new SendkitError(0, 'NETWORK_ERROR', message, true),
        refused: false,
        retryAfterMs: undefined,
      };
    }
    const envelope = parseEnvelope(text);
    if (response.ok && envelope?.success) return { ok: true, value: envelope.data as T };
    const error = envelope?.error
      ? new SendkitError(
          response.status,
          envelope.error.code,
          envelope.error.message,
          response.status >= 500 && response.status !== 503,
        )
      : new SendkitError(response.status, 'INVALID_RESPONSE', `unreadable body: ${text.slice(0, 80)}`, true);
    const refused = response.status === 429 || response.status === 503;
    return {
      ok: false,
      error,
      refused,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after'), now()),
    };
  }

  /**
   * One API call with retries. `idempotent` calls are retried on every transient failure; the others
   * only when Sendkit refused them (429, 503), which guarantees nothing was done.
   */
  async function call<T>(method: string, path: string, body?: unknown, idempotent = true): Promise<T> {
    for (let tries = 1; ; tries += 1) {
      const outcome = await attempt<T>(method, path, body);
      if (outcome.ok) return outcome.value;
      const { error } = outcome;
      const transient =
        outcome.refused || error.status === 0 || error.status >= 500 || error.code === 'INVALID_RESPONSE';
      if (!(outcome.refused || (idempotent && transient)) || tries >= maxAttempts) throw error;
      await sleep(outcome.retryAfterMs ?? backoff(tries));
    }
  }

  /** Every lead of the workspace (optionally filtered, e.g. `{ emailVerified: 'true' }`), following the cursor. */
  async function listLeads(filter: Record<string, string> = {}): Promise<Lead[]> {
    const leads: Lead[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ ...filter, limit: '100' });
      if (cursor) query.set('cursor', cursor);
      const page: { leads: Lead[]; pagination: { hasMore: boolean; nextCursor: string | null } } = await call(
        'GET',
        `/v1/leads?${query.toString()}`,
      );
      leads.push(...page.leads);
      cursor = page.pagination.hasMore ? page.pagination.nextCursor : null;
    } while (cursor);
    return leads;
  }

  /** Starts one job per enrichment type over the leads, all charged up front (or none: 402). */
  async function startJobs(leadIds: string[], enrichmentTypes: EnrichmentType[]): Promise<StartedJob[]> {
    const data = await call<{ jobs: StartedJob[] }>(
      'POST',
      '/v1/enrichment/enrich',
      { leadIds, enrichmentTypes },
      false,
    );
    return data.jobs;
  }

  const jobPath = (id: string) => `/v1/enrichment/jobs/${encodeURIComponent(id)}`;

  function getJob(id: string): Promise<Job> {
    return call<Job>('GET', jobPath(id));
  }

  /** Polls until the job is completed, failed or cancelled; throws `JobTimeoutError` at the deadline. */
  async function waitForJob(id: string, timeoutMs = options.waitTimeoutMs ?? 10 * 60_000): Promise<Job> {
    const deadline = now() + timeoutMs;
    for (;;) {
      const job = await getJob(id);
      if (TERMINAL.has(job.status)) return job;
      if (now() + pollIntervalMs > deadline) throw new JobTimeoutError(job);
      await sleep(pollIntervalMs);
    }
  }

  /**
   * Cancels a job and returns it once it has stopped: `cancelled`, or the status it reached first.
   * Sendkit refuses a job that is finished, or finishing right now, with 400 "Job cannot be cancelled in
   * status ..."; that is not an error here: the job is read (and waited for, if it is still finishing).
   */
  async function cancelJob(id: string): Promise<Job> {
    try {
      return await call<Job>('POST', `${jobPath(id)}/cancel`);
    } catch (error) {
      if (!(error instanceof SendkitError) || error.code !== 'VALIDATION_ERROR') throw error;
      return waitForJob(id);
    }
  }

  /** The whole job: verify the emails of these leads, wait, and read each lead's verdict. */
  async function verifyEmails(
    leadIds: string[],
  ): Promise<{ job: Job; results: Map<string, Lead['emailVerificationResult']> }> {
    const [started] = await startJobs(leadIds, ['email']);
    if (!started) throw new Error('Sendkit started no job.');
    const job = await waitForJob(started.jobId);
    const wanted = new Set(leadIds);
    const leads = job.status === 'completed' ? (await listLeads()).filter((lead) => wanted.has(lead.id)) : [];
    return { job, results: new Map(leads.map((lead) => [lead.id, lead.emailVerificationResult])) };
  }

  return { listLeads, startJobs, getJob, waitForJob, cancelJob, verifyEmails };
}

export type SendkitClient = ReturnType<typeof createSendkitClient>;
