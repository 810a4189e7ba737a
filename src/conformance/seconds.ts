/**
 * A duration in ms as findings write it: seconds, to the ms.
 *
 * @example
 * seconds(2_500); // '2.5 s'
 */
export const seconds = (ms: number): string => `${Math.round(ms) / 1000} s`;
