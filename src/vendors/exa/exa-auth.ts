import type { VendorDefinition } from '../../adapter/vendor-definition.js';
import type { HeaderReader } from '../../http/plain-request.js';
import { EXA_TAGS } from './exa-errors.js';

/** The header exa-js sends the API key in. */
const EXA_API_KEY_HEADER = 'x-api-key';

/**
 * The tenant is the `x-api-key`: any non-blank key is accepted and gets the scenario's world on first use.
 * A missing or blank key is a 401 `INVALID_API_KEY` whose message says so.
 *
 * @example
 * authenticateExa(new Headers({ 'x-api-key': 'exa_demo' })); // { ok: true, key: 'exa_demo' }
 */
export function authenticateExa(headers: HeaderReader): ReturnType<VendorDefinition['authenticate']> {
  const key = headers.get(EXA_API_KEY_HEADER)?.trim();
  if (key) return { ok: true, key };
  return {
    ok: false,
    status: 401,
    code: EXA_TAGS.invalidApiKey,
    message:
      "Invalid API key: send your Exa API key in the x-api-key header. The mock accepts any non-blank key; each key is its own tenant with the scenario's default world.",
  };
}
