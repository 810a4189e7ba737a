/**
 * A count and its noun, plural unless the count is 1.
 *
 * @example
 * plural(2, 'error'); // '2 errors'
 */
export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
