/**
 * A small Exa Websets enrichment client, written the way an application would write it: plain `fetch`,
 * no SDK. It creates a Webset from a search, adds an Enrichment, polls it until it stops (with a
 * deadline), reads each Item's result and cancels Enrichments.
 *
 * Retries: reads and cancels are retried on 429 (honouring `Retry-After`), 500, 503, 504 and network
 * errors. Creates are made safe to retry: a Webset carries an `externalId` (a second create answers 409,
 * and the client reads the existing one), an Enrichment carries a `requestKey` in its metadata (after a
 * lost answer the client looks for it on the Webset before creating it again). A JSON 502 is Exa's own
 * answer ("could not be dispatched"): it is reported, not retried.
 *
 * `fetch`, `sleep`, `now` and the base URL are injectable, so a test runs it against enrichment-mock
 * without waiting: see `client.test.ts`.
 */

export type EnrichmentStatus = 'pending' | 'canceled' | 'completed';
export type EnrichmentFormat = 'text' | 'date' | 'number' | 'options' | 'email' | 'phone' | 'url';

export interface Enrichment {
  id: string;
  websetId: string;
  status: EnrichmentStatus;
  format: EnrichmentFormat | null;
  metadata: Record<string, string> | null;
}

export interface Webset {
  id: string;
  externalId: string | null;
  status: string;
  enrichments: Enrichment[];
}

export interface EnrichmentResult {
  enrichmentId: string;
  status: 'pending' | 'completed' | 'canceled';
  result: string[] | null;
  reasoning: string | null;
}

export interface Item {
  id: string;
  properties: { type: string; url: string; description: string };
  enrichments: EnrichmentResult[] | null;
}

export interface ExaClientOptions {
  apiKey: string;
  /** Default `https://api.exa.ai` (paths go under `/websets/v0`). */
  baseUrl?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** The clock deadlines are measured on. Default `Date.now`. */
  now?: () => number;
  /** Time between two polls of an Enrichment. Default 3 s. */
  pollIntervalMs?: number;
  /** How long `waitForEnrichment` waits before giving up. Default 10 minutes. */
  waitTimeoutMs?: number;
  /** Tries per call, the first included. Default 5. */
  maxAttempts?: number;
  /** Per-request timeout (a hung connection counts as a network error). Default 30 s. */
  requestTimeoutMs?: number;
}

/** A failed call: Exa's error (`status`, `tag`), or `NETWORK_ERROR` / `INVALID_RESPONSE`. */
export class ExaError extends Error {
  constructor(
    readonly status: number,
    readonly tag: string,
    message: string,
    /** True when the request may have been handled although no usable answer arrived. */
    readonly mayHaveBeenProcessed = false,
  ) {
    super(`Exa ${status || 'call'} failed with ${tag}: ${message}`);
    this.name = 'ExaError';
  }
}

/** The Enrichment was still pending when the deadline passed; it keeps running on Exa's side. */
export class EnrichmentTimeoutError extends Error {
  constructor(readonly enrichment: Enrichment) {
    super(`Enrichment ${enrichment.id} was still ${enrichment.status} when the deadline passed.`);
    this.name = 'EnrichmentTimeoutError';
  }
}

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

export function createExaClient(options: ExaClientOptions) {
  const baseUrl = `${(options.baseUrl ?? 'https://api.exa.ai').replace(/\/$/, '')}/websets/v0`;
  // Looked up per call, so a fetch patched later (msw's setupServer) is the one used.
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const pollIntervalMs = options.pollIntervalMs ?? 3_000;
  const maxAttempts = options.maxAttempts ?? 5;

  /** Exponential backoff: 0.5 s, 1 s, 2 s, ... capped at 8 s. (Add jitter when many workers share a key.) */
  const backoff = (attempt: number) => Math.min(8_000, 500 * 2 ** (attempt - 1));

  type Attempt<T> = { ok: true; value: T } | { ok: false; error: ExaError; retryAfterMs: number | undefined };

  async function attempt<T>(method: string, path: string, body: unknown): Promise<Attempt<T>> {
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers: { 'x-api-key': options.apiKey, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.requestTimeoutMs ?? 30_000),
      });
      text = await response.text();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: new ExaError(0, 'NETWORK_ERROR', message, true), retryAfterMs: undefined };
    }
    const json = parseJson(text);
    if (response.ok && json) return { ok: true, value: json as T };
    const error =
      !response.ok && typeof json?.['tag'] === 'string'
        ? new ExaError(
            response.status,
            json['tag'],
            String(json['error']),
            [500, 504].includes(response.status),
          )
        : new ExaError(response.status, 'INVALID_RESPONSE', `unreadable body: ${text.slice(0, 80)}`, true);
    return { ok: false, error, retryAfterMs: retryAfterMs(response.headers.get('retry-after'), now()) };
  }

  /**
   * One API call with retries. Refusals (429, 503) are always retried; failures after which the request
   * may have been handled (network errors, unreadable answers, 500, 504) only for `idempotent` calls.
   */
  async function call<T>(method: string, path: string, body?: unknown, idempotent = true): Promise<T> {
    for (let tries = 1; ; tries += 1) {
      const outcome = await attempt<T>(method, path, body);
      if (outcome.ok) return outcome.value;
      const { error } = outcome;
      const refused = error.status === 429 || error.status === 503;
      if (!(refused || (idempotent && error.mayHaveBeenProcessed)) || tries >= maxAttempts) throw error;
      await sleep(outcome.retryAfterMs ?? backoff(tries));
    }
  }

  const websetPath = (webset: string) => `/websets/${encodeURIComponent(webset)}`;
  const enrichmentPath = (webset: string, id: string) =>
    `${websetPath(webset)}/enrichments/${encodeURIComponent(id)}`;

  function getWebset(idOrExternalId: string): Promise<Webset> {
    return call<Webset>('GET', websetPath(idOrExternalId));
  }

  /** Creates a Webset from a search, or returns the one created earlier with the same `externalId`. */
  async function createWebset(request: {
    externalId: string;
    query: string;
    count: number;
    entity: 'person' | 'company';
  }): Promise<Webset> {
    const body = {
      externalId: request.externalId,
      search: { query: request.query, count: request.count, entity: { type: request.entity } },
    };
    try {
      return await call<Webset>('POST', '/websets', body);
    } catch (error) {
      if (error instanceof ExaError && error.status === 409) return getWebset(request.externalId);
      throw error;
    }
  }

  /**
   * Adds an Enrichment to a Webset. When an answer is lost, the Webset is searched for the Enrichment
   * (by the `requestKey` stored in its metadata) before it is created again, so it is never paid twice.
   */
  async function createEnrichment(
    websetId: string,
    request: {
      description: string;
      format?: EnrichmentFormat;
      options?: { label: string }[];
      requestKey?: string;
    },
  ): Promise<Enrichment> {
    const { requestKey = crypto.randomUUID(), ...settings } = request;
    for (let tries = 1; ; tries += 1) {
      try {
        return await call<Enrichment>(
          'POST',
          `${websetPath(websetId)}/enrichments`,
          { ...settings, metadata: { requestKey } },
          false,
        );
      } catch (error) {
        if (!(error instanceof ExaError && error.mayHaveBeenProcessed) || tries >= maxAttempts) throw error;
        const webset = await getWebset(websetId);
        const created = webset.enrichments.find(
          (enrichment) => enrichment.metadata?.['requestKey'] === requestKey,
        );
        if (created) return created;
        await sleep(backoff(tries));
      }
    }
  }

  function getEnrichment(websetId: string, id: string): Promise<Enrichment> {
    return call<Enrichment>('GET', enrichmentPath(websetId, id));
  }

  /** Polls until the Enrichment is completed or canceled; throws `EnrichmentTimeoutError` at the deadline. */
  async function waitForEnrichment(
    websetId: string,
    id: string,
    timeoutMs = options.waitTimeoutMs ?? 10 * 60_000,
  ): Promise<Enrichment> {
    const deadline = now() + timeoutMs;
    for (;;) {
      const enrichment = await getEnrichment(websetId, id);
      if (enrichment.status !== 'pending') return enrichment;
      if (now() + pollIntervalMs > deadline) throw new EnrichmentTimeoutError(enrichment);
      await sleep(pollIntervalMs);
    }
  }

  /**
   * Cancels an Enrichment and returns it once it has stopped: `canceled`, or `completed` when it finished
   * first. A finished Enrichment comes back unchanged; the sandbox answers 409 only when the cancel races the
   * completion, and then this waits for it.
   */
  async function cancelEnrichment(websetId: string, id: string): Promise<Enrichment> {
    try {
      return await call<Enrichment>('POST', `${enrichmentPath(websetId, id)}/cancel`);
    } catch (error) {
      if (!(error instanceof ExaError) || error.status !== 409) throw error;
      return waitForEnrichment(websetId, id);
    }
  }

  /** Each Item of the Webset with its result for one Enrichment, following the cursor. */
  async function listResults(websetId: string, enrichmentId: string) {
    const results: { item: Item; result: EnrichmentResult | undefined }[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: '100' });
      if (cursor) query.set('cursor', cursor);
      const page: { data: Item[]; hasMore: boolean; nextCursor: string | null } = await call(
        'GET',
        `${websetPath(websetId)}/items?${query.toString()}`,
      );
      for (const item of page.data)
        results.push({
          item,
          result: item.enrichments?.find((result) => result.enrichmentId === enrichmentId),
        });
      cursor = page.hasMore ? page.nextCursor : null;
    } while (cursor);
    return results;
  }

  /** The whole job: add the Enrichment, wait for it, read every Item's result. */
  async function enrich(websetId: string, request: Parameters<typeof createEnrichment>[1]) {
    const created = await createEnrichment(websetId, request);
    const enrichment = await waitForEnrichment(websetId, created.id);
    return { enrichment, results: await listResults(websetId, enrichment.id) };
  }

  return {
    createWebset,
    getWebset,
    createEnrichment,
    getEnrichment,
    waitForEnrichment,
    cancelEnrichment,
    listResults,
    enrich,
  };
}

export type ExaClient = ReturnType<typeof createExaClient>;
