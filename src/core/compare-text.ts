/**
 * Orders strings by their UTF-16 code units, the same on every machine (`localeCompare` follows the
 * process's locale and can call distinct strings equal, e.g. with a soft hyphen).
 *
 * @example
 * ['b', 'B', 'a'].sort(compareText); // ['B', 'a', 'b']
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
