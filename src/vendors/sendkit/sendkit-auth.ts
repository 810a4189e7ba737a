import type { AnyOperationHandler, VendorDefinition } from '../../adapter/vendor-definition.js';
import type { HeaderReader } from '../../http/plain-request.js';

/** The workspace header of platform keys. */
const WORKSPACE_HEADER = 'x-workspace-id';

const PLATFORM_KEY = /^sk_user_[A-Za-z0-9][\w-]*$/;
const WORKSPACE_KEY = /^sk_[A-Za-z0-9][\w-]*$/;

type Authentication = ReturnType<VendorDefinition['authenticate']>;

/** What the mock accepts, said in every 401 for a missing, malformed or invalid key. */
const KEYS_ACCEPTED =
  'The mock accepts any key that starts with sk_ followed by a letter or digit, then letters, digits, _ or -: a workspace key sk_<key> (its own tenant), or a platform key sk_user_<key> sent with an X-Workspace-Id header (the tenant is that workspace).';

const refuse = (status: number, code: string, message: string): Authentication => ({
  ok: false,
  status,
  code,
  message,
});

/** The API key of a request: `X-Api-Key` wins over `Authorization: Bearer`. */
export function apiKeyOf(headers: HeaderReader): string | { problem: string } {
  const header = headers.get('x-api-key');
  if (header !== null) return header.trim();
  const authorization = headers.get('authorization');
  if (authorization === null) {
    return {
      problem: `Missing API key: send it in the X-Api-Key header or as Authorization: Bearer <key>. ${KEYS_ACCEPTED}`,
    };
  }
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!bearer?.[1])
    return {
      problem: `Malformed Authorization header: expected "Bearer <key>". Or send the key in the X-Api-Key header. ${KEYS_ACCEPTED}`,
    };
  return bearer[1];
}

/** True for platform keys (`sk_user_...`), which must name a workspace. */
export function isPlatformKey(key: string): boolean {
  return key.startsWith('sk_user_');
}

/**
 * Authenticates a Sendkit request and picks its tenant.
 *
 * - Workspace keys (`sk_...`) are their own tenant and must not send `X-Workspace-Id`.
 * - Platform keys (`sk_user_...`) must send `X-Workspace-Id`, and the tenant is that workspace id: each
 *   workspace is its own world (credits, leads, jobs), shared by every platform key that names it.
 *   Scenario worlds, fault rules and `revokedKeys` therefore name a platform workspace by its id; a
 *   platform key listed in `revokedKeys` is refused by `refuseRevokedPlatformKey`.
 *
 * Header misuse is 400 `VALIDATION_ERROR`, as the OpenAPI document's `X-Workspace-Id` parameter says.
 *
 * @example
 * authenticateSendkit(new Headers({ 'x-api-key': 'sk_user_1', 'x-workspace-id': 'ws_1' })); // { ok: true, key: 'ws_1' }
 */
export function authenticateSendkit(headers: HeaderReader): Authentication {
  const key = apiKeyOf(headers);
  if (typeof key !== 'string') return refuse(401, 'UNAUTHORIZED', key.problem);
  if (!(isPlatformKey(key) ? PLATFORM_KEY : WORKSPACE_KEY).test(key)) {
    return refuse(401, 'UNAUTHORIZED', `Invalid API key: Sendkit keys start with sk_. ${KEYS_ACCEPTED}`);
  }
  const workspace = headers.get(WORKSPACE_HEADER);
  if (!isPlatformKey(key)) {
    if (workspace !== null)
      return refuse(
        400,
        'VALIDATION_ERROR',
        'X-Workspace-Id header must not be sent with a workspace API key: remove it, or use a platform key (sk_user_...).',
      );
    return { ok: true, key };
  }
  if (workspace === null || workspace.trim() === '') {
    return refuse(
      400,
      'VALIDATION_ERROR',
      'X-Workspace-Id header is required when using a platform API key: send the id of the workspace to act on.',
    );
  }
  return { ok: true, key: workspace.trim() };
}

/**
 * Wraps an operation so that a revoked platform key is refused (401) even though its tenant is the
 * workspace it names: the shared pipeline only checks the tenant against `revokedKeys`.
 */
export function refuseRevokedPlatformKey(handle: AnyOperationHandler): AnyOperationHandler {
  return (context) => {
    const key = apiKeyOf(context.headers);
    if (
      typeof key === 'string' &&
      isPlatformKey(key) &&
      context.context.scenario.world.revokedKeys.includes(key)
    ) {
      return context.fail(401, 'UNAUTHORIZED', 'This API key has been revoked: use another key.');
    }
    return handle(context);
  };
}
