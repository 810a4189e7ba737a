/**
 * Where a problem was found. Request validation reports `path`, `query`, `header` and `body`;
 * response validation reports `status`, `header` and `body`.
 */
export type ProblemLocation = 'path' | 'query' | 'header' | 'body' | 'status';

/**
 * One reason a request or response does not conform to the document.
 *
 * @example
 * const problem: Problem = { location: 'body', path: 'scope.leadIds[0]', message: 'scope.leadIds[0] must be string' };
 */
export interface Problem {
  readonly location: ProblemLocation;
  /** The offending field as `scope.leadIds[0]` (body) or the parameter name (`limit`); `""` for the whole body. */
  readonly path: string;
  /** A sentence that names the field, e.g. `mode must be one of: persisted, preview`. */
  readonly message: string;
}

const identifier = /^[A-Za-z_$][\w$-]*$/;

/**
 * Appends one property name or array index to a readable field path.
 *
 * @example
 * joinPath('scope', 'leadIds'); // 'scope.leadIds'
 * joinPath('scope.leadIds', 0); // 'scope.leadIds[0]'
 * joinPath('', 'odd.key'); // '["odd.key"]'
 */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (!identifier.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Converts a JSON pointer into the data (Ajv's `instancePath`) into a readable field path.
 * Tokens made only of digits are shown as array indexes.
 *
 * @example
 * toFieldPath('/scope/leadIds/0'); // 'scope.leadIds[0]'
 */
export function toFieldPath(instancePath: string): string {
  if (instancePath === '') return '';
  return instancePath
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<string>(
      (path, token) => joinPath(path, /^(0|[1-9]\d*)$/.test(token) ? Number(token) : token),
      '',
    );
}
