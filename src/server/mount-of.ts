/**
 * The mount that serves a request target: the first whose base path holds the target's path, by
 * express's mount rule (`/api` serves `/api` and `/api/...`, not `/apix`), on the path as sent:
 * undecoded, unnormalised, without the query.
 *
 * @example
 * mountOf('/api/enrichment?x=1', [{ basePath: '/__admin' }, { basePath: '/api' }]); // { basePath: '/api' }
 */
export function mountOf<Mount extends { basePath: string }>(
  target: string,
  mounts: readonly Mount[],
): Mount | undefined {
  const query = target.indexOf('?');
  const path = query === -1 ? target : target.slice(0, query);
  return mounts.find(
    ({ basePath }) =>
      path.startsWith(basePath) && (path.length === basePath.length || path[basePath.length] === '/'),
  );
}
