/** A request body as an adapter read it once: the bytes (at most one chunk past the limit) and whether it went over. */
export interface BodyBytes {
  /** The bytes read; `null` when the request had no body. Over the limit, only the first chunks (past it). */
  data: Uint8Array | null;
  /** The body was larger than the limit: the bytes past it were drained and discarded. */
  overCap: boolean;
}

/** The body of a request that has none. */
export const NO_BODY: BodyBytes = { data: null, overCap: false };

function join(chunks: readonly Uint8Array[], total: number): Uint8Array | null {
  if (total === 0) return null;
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a body once, for both adapters: a fetch body stream (in process) or a node request's iterator
 * (the server) are both async iterables of byte chunks. Reading stops as soon as the body passes
 * `limitBytes`, with the bytes so far (so the pipeline answers 413), and the source's iterator is
 * returned without waiting: a fetch stream is cancelled, and the server, which iterates its request with
 * `destroyOnReturn: false`, drains the rest itself so the answer still reaches the client. A body cut
 * short by a broken connection gives what arrived.
 *
 * @example
 * const { data, overCap } = await readBody(request.body, 1_048_576);
 */
export async function readBody(source: AsyncIterable<Uint8Array>, limitBytes: number): Promise<BodyBytes> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let step: IteratorResult<Uint8Array>;
    try {
      step = await iterator.next();
    } catch {
      break;
    }
    if (step.done === true) break;
    total += step.value.byteLength;
    chunks.push(step.value);
    if (total > limitBytes) {
      // Cancelling one branch of a teed body (msw clones requests) may settle only when the other does.
      iterator.return?.().catch(() => undefined);
      return { data: join(chunks, total), overCap: true };
    }
  }
  return { data: join(chunks, total), overCap: false };
}
