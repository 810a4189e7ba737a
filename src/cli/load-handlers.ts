import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RequestHandler } from 'msw';

/** Handlers loaded from every `--handlers` file, or one sentence saying which file is wrong and how. */
export type LoadedHandlers = { ok: true; handlers: RequestHandler[] } | { ok: false; message: string };

/** Whether a value looks like an msw request handler (a `run` method and handler `info`). */
const isHandler = (value: unknown): value is RequestHandler =>
  typeof value === 'object' &&
  value !== null &&
  'info' in value &&
  'run' in value &&
  typeof value.run === 'function';

/**
 * Imports the modules named by `--handlers` (paths from the working directory), each of which must
 * default-export an array of msw request handlers, in order: earlier files win, as in `setupServer`.
 *
 * @example
 * const loaded = await loadHandlers(['examples/handlers/overrides.ts']);
 * if (loaded.ok) startServer({ ...options, handlers: loaded.handlers });
 */
export async function loadHandlers(files: readonly string[]): Promise<LoadedHandlers> {
  const handlers: RequestHandler[] = [];
  for (const file of files) {
    let loaded: { default?: unknown };
    try {
      loaded = (await import(pathToFileURL(resolve(file)).href)) as { default?: unknown };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const typescript = /\.[cm]?ts$/.test(file)
        ? ' A .ts file loads under tsx (`npm start -- serve ...` in a clone, or `npx tsx`); otherwise write it as .mjs.'
        : '';
      return { ok: false, message: `Cannot load --handlers ${file}: ${reason}.${typescript}` };
    }
    const exported = loaded.default;
    if (!Array.isArray(exported) || !exported.every(isHandler))
      return {
        ok: false,
        message: `Cannot use --handlers ${file}: its default export must be an array of msw request handlers (\`export default [http.get('/path', resolver)]\`).`,
      };
    handlers.push(...exported);
  }
  return { ok: true, handlers };
}
