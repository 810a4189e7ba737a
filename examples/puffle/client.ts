/**
 * A small Puffle enrichment client, written the way an application would write it: plain `fetch`, no
 * SDK. It starts a run over a scope of leads, polls it until it stops (with a deadline), pages through the
 * per-lead results and cancels runs. Every call is retried on 429 (honouring `Retry-After`), 5xx and
 * network errors; creates are made safe to retry by an idempotency key chosen once per logical create.
 *
 * `fetch`, `sleep`, `now` and the base URL are injectable, so a test runs it against enrichment-mock
 * without waiting: see `client.test.ts`.
 */

export type RunStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';
export type ItemStatus = 'pending' | 'running' | 'completed' | 'failed' | 'skipped';

export type Scope =
  { type: 'explicit_leads'; leadIds: string[]; listId?: string } | { type: 'list'; listId: string };

/** The fields of a run ledger this client reads (Puffle sends more). */
export interface Run {
  id: string;
  status: RunStatus;
  scope: { resolvedCount: number; counts: Record<ItemStatus, number> };
  cost: { actual: { credits: number } | null };
  error: { message: string } | null;
  timing: { createdAt: string; completedAt: string | null; cancelledAt: string | null };
}

export interface RunItem {
  id: string;
  leadId: string;
  status: ItemStatus;
  result: unknown;
  skippedReason: string | null;
  error: { message: string } | null;
}

export interface CreatedRun {
  enrichmentRunId: string;
  status: RunStatus;
  leadCount: number;
  reusedExistingRun: boolean;
}

export interface PuffleClientOptions {
  apiKey: string;
  /** Default `https://app.puffle.ai`. */
  baseUrl?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** The clock deadlines are measured on. Default `Date.now`. */
  now?: () => number;
  /** Time between two polls of a run. Default 3 s (Puffle asks for 2 to 5 s). */
  pollIntervalMs?: number;
  /** How long `waitForRun` waits before giving up. Default 10 minutes. */
  waitTimeoutMs?: number;
  /** Tries per call, the first included. Default 5. */
  maxAttempts?: number;
  /** Per-request timeout (a hung connection counts as a network error). Default 30 s. */
  requestTimeoutMs?: number;
}

/** An error answer from Puffle (after retries, when it was worth retrying). */
export class PuffleError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly body: Record<string, unknown>,
  ) {
    const message = body['error'];
    super(`Puffle answered ${status} ${code}: ${typeof message === 'string' ? message : 'no message'}`);
    this.name = 'PuffleError';
  }
}

/** The run was still going when the deadline passed; it keeps running on Puffle's side. */
export class RunTimeoutError extends Error {
  constructor(readonly run: Run) {
    super(`Run ${run.id} was still ${run.status} when the deadline passed.`);
    this.name = 'RunTimeoutError';
  }
}

const TERMINAL: ReadonlySet<RunStatus> = new Set(['completed', 'failed', 'cancelled']);

/** Seconds or an HTTP date, as `Retry-After` may carry; undefined when absent or unreadable. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function createPuffleClient(options: PuffleClientOptions) {
  const baseUrl = (options.baseUrl ?? 'https://app.puffle.ai').replace(/\/$/, '');
  // Looked up per call, so a fetch patched later (msw's setupServer) is the one used.
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const pollIntervalMs = options.pollIntervalMs ?? 3_000;
  const maxAttempts = options.maxAttempts ?? 5;

  /** Exponential backoff: 0.5 s, 1 s, 2 s, ... capped at 8 s. (Add jitter when many workers share a key.) */
  const backoff = (attempt: number) => Math.min(8_000, 500 * 2 ** (attempt - 1));

  type Attempt<T> =
    { ok: true; value: T } | { ok: false; error: Error; retry: boolean; retryAfterMs: number | undefined };

  async function attempt<T>(method: string, path: string, body: unknown): Promise<Attempt<T>> {
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.requestTimeoutMs ?? 30_000),
      });
      text = await response.text();
    } catch (error) {
      // Connection refused or reset, or our timeout fired: the request may or may not have been handled.
      return { ok: false, error: error as Error, retry: true, retryAfterMs: undefined };
    }
    const json = parseJson(text);
    if (response.ok && json) return { ok: true, value: json as T };
    const code = !response.ok && typeof json?.['code'] === 'string' ? json['code'] : 'INVALID_RESPONSE';
    const error = new PuffleError(response.status, code, json ?? { error: text.slice(0, 200) });
    // 502 DISPATCH_FAILED is Puffle's final word (the run exists and failed); a 502 without a Puffle body
    // came from a proxy. A 2xx whose body we cannot read (cut short) is worth another try too.
    const retry =
      response.ok || response.status === 429 || (response.status >= 500 && code !== 'DISPATCH_FAILED');
    return {
      ok: false,
      error,
      retry,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after'), now()),
    };
  }

  /** One API call, retried with backoff (or after `Retry-After`) while the failure is worth retrying. */
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    for (let tries = 1; ; tries += 1) {
      const outcome = await attempt<T>(method, path, body);
      if (outcome.ok) return outcome.value;
      if (!outcome.retry || tries >= maxAttempts) throw outcome.error;
      await sleep(outcome.retryAfterMs ?? backoff(tries));
    }
  }

  const runPath = (id: string) => `/api/enrichment/${encodeURIComponent(id)}`;

  /** The catalog entry of an enrichment, or undefined when the workspace has none by that slug. */
  async function getEnrichment(slug: string): Promise<{ slug: string; enabled: boolean } | undefined> {
    const page = await call<{ enrichments: { slug: string; enabled: boolean }[] }>(
      'GET',
      `/api/enrichments?id=${encodeURIComponent(slug)}`,
    );
    return page.enrichments.find((entry) => entry.slug === slug);
  }

  /**
   * Starts a persisted run. The idempotency key is chosen once, before the first try, so a retry after
   * a lost answer finds the run the first try created instead of starting (and paying for) another.
   */
  function createRun(request: {
    enrichmentId: string;
    scope: Scope;
    input?: Record<string, unknown>;
    idempotencyKey?: string;
  }): Promise<CreatedRun> {
    const idempotencyKey = request.idempotencyKey ?? crypto.randomUUID();
    return call<CreatedRun>('POST', '/api/enrichment', { input: {}, ...request, idempotencyKey });
  }

  async function getRun(id: string): Promise<Run> {
    return (await call<{ run: Run }>('GET', runPath(id))).run;
  }

  /** Polls until the run is completed, failed or cancelled; throws `RunTimeoutError` at the deadline. */
  async function waitForRun(id: string, timeoutMs = options.waitTimeoutMs ?? 10 * 60_000): Promise<Run> {
    const deadline = now() + timeoutMs;
    for (;;) {
      const run = await getRun(id);
      if (TERMINAL.has(run.status)) return run;
      if (now() + pollIntervalMs > deadline) throw new RunTimeoutError(run);
      await sleep(pollIntervalMs);
    }
  }

  /** Every item of a run (optionally only those in one status), following the cursor. */
  async function listItems(id: string, status?: ItemStatus): Promise<RunItem[]> {
    const items: RunItem[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: '100' });
      if (status) query.set('status', status);
      if (cursor) query.set('cursor', cursor);
      const page: { items: RunItem[]; page: { nextCursor: string | null; hasMore: boolean } } = await call(
        'GET',
        `${runPath(id)}/items?${query.toString()}`,
      );
      items.push(...page.items);
      cursor = page.page.hasMore ? page.page.nextCursor : null;
    } while (cursor);
    return items;
  }

  /**
   * Cancels a run and returns it once it has stopped: `cancelled`, or the status it reached first.
   * A 409 `run_not_cancellable` (already finished, or cancelled by an earlier try) is not an error;
   * `run_status_changed` means the run is finishing right now, so this waits for it.
   */
  async function cancelRun(id: string): Promise<Run> {
    try {
      await call('POST', `${runPath(id)}/cancel`);
      return await getRun(id);
    } catch (error) {
      if (!(error instanceof PuffleError) || error.status !== 409) throw error;
      return error.body['reason'] === 'run_status_changed' ? waitForRun(id) : getRun(id);
    }
  }

  /** The whole job: check the enrichment exists, start the run, wait for it, read every result. */
  async function enrich(request: {
    enrichmentId: string;
    scope: Scope;
    input?: Record<string, unknown>;
    idempotencyKey?: string;
  }) {
    const entry = await getEnrichment(request.enrichmentId);
    if (!entry?.enabled) throw new Error(`Enrichment ${request.enrichmentId} is unknown or disabled.`);
    const created = await createRun(request);
    const run = await waitForRun(created.enrichmentRunId);
    return { run, items: await listItems(run.id) };
  }

  return { getEnrichment, createRun, getRun, waitForRun, listItems, cancelRun, enrich };
}

export type PuffleClient = ReturnType<typeof createPuffleClient>;
