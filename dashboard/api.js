// The control API as the dashboard calls it: the admin token (kept in sessionStorage) as a Bearer header,
// reads marked `X-Mock-Dashboard: poll` so they stay out of the journal, errors as thrown messages.

const TOKEN_KEY = 'enrichment-mock.admin-token';

/** A control API failure: its status and the server's message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let askToken = async () => undefined;

/** Sets how a missing or wrong token is asked for (a dialog); it resolves once a new token is stored. */
export function onTokenNeeded(ask) {
  askToken = ask;
}

export const storedToken = () => sessionStorage.getItem(TOKEN_KEY);
export const storeToken = (token) => sessionStorage.setItem(TOKEN_KEY, token);

/** The headers every control API call sends: the stored token, and on reads the dashboard's poll mark. */
function adminHeaders(method) {
  const headers = {};
  const token = storedToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (method === 'GET') headers['x-mock-dashboard'] = 'poll';
  return headers;
}

/** Calls the control API; on 401 asks for the token once and tries again. */
export async function api(method, path, body) {
  for (let attempt = 0; ; attempt++) {
    const headers = { accept: 'application/json', ...adminHeaders(method) };
    const token = storedToken();
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`/__admin${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status === 401 && attempt < 3) {
      await askToken(
        token ? 'That token was refused: check the --admin-token the server was started with.' : '',
      );
      continue;
    }
    const type = response.headers.get('content-type') ?? '';
    const payload = type.includes('json') ? await response.json() : await response.text();
    if (!response.ok)
      throw new ApiError(response.status, payload?.error?.message ?? `HTTP ${response.status}`);
    return payload;
  }
}

/** Downloads a control API answer as a file (the HAR export), with the token sent as a header. */
export async function download(path, filename) {
  const response = await fetch(`/__admin${path}`, { headers: adminHeaders('GET') });
  if (!response.ok) throw new ApiError(response.status, `Download failed: HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
