import type { VendorDefinition } from '../../adapter/vendor-definition.js';

const BEARER = /^Bearer\s+(\S+)$/i;

const refuse = (message: string) => ({ ok: false as const, status: 401, code: 'unauthorized', message });

/**
 * Reads the API key from `Authorization: Bearer <key>`. Any well-formed key is a tenant (it gets the
 * scenario's world on first use); a missing or malformed header is 401 `unauthorized`.
 *
 * @example
 * authenticatePuffle(new Headers({ authorization: 'Bearer pk_live_demo' })); // { ok: true, key: 'pk_live_demo' }
 */
export const authenticatePuffle: VendorDefinition['authenticate'] = (headers) => {
  const header = headers.get('authorization');
  if (header === null || header.trim() === '') {
    return refuse('Missing API key: send your Puffle key as "Authorization: Bearer pk_live_...".');
  }
  const key = BEARER.exec(header.trim())?.[1];
  if (key === undefined) {
    return refuse(
      'Malformed Authorization header: it must be "Bearer <key>" with a single key and no other text.',
    );
  }
  return { ok: true, key };
};
