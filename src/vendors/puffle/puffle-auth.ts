import type { VendorDefinition } from '../../adapter/vendor-definition.js';

const BEARER = /^Bearer\s+(\S+)$/i;

const refuse = (message: string) => ({ ok: false as const, status: 401, code: 'unauthorized', message });

/** What the mock accepts, said in every 401 for a missing or malformed key. */
const PUFFLE_KEYS_ACCEPTED =
  "The mock accepts any single key without spaces (real keys look like pk_live_...); each key is its own tenant with the scenario's default world.";

/**
 * Reads the API key from `Authorization: Bearer <key>`. Any well-formed key is a tenant (it gets the
 * scenario's world on first use); a missing or malformed header is 401 `unauthorized`, whose message says
 * which keys the mock accepts.
 *
 * @example
 * authenticatePuffle(new Headers({ authorization: 'Bearer pk_live_demo' })); // { ok: true, key: 'pk_live_demo' }
 */
export const authenticatePuffle: VendorDefinition['authenticate'] = (headers) => {
  const header = headers.get('authorization');
  if (header === null || header.trim() === '') {
    return refuse(`Missing API key: send it as "Authorization: Bearer <key>". ${PUFFLE_KEYS_ACCEPTED}`);
  }
  const key = BEARER.exec(header.trim())?.[1];
  if (key === undefined) {
    return refuse(
      `Malformed Authorization header: it must be "Bearer <key>" with a single key and no other text. ${PUFFLE_KEYS_ACCEPTED}`,
    );
  }
  return { ok: true, key };
};
