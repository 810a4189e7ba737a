/**
 * Whether an HTTP status is a success (2xx).
 *
 * @example
 * isSuccess(204); // true
 */
export const isSuccess = (status: number): boolean => status >= 200 && status < 300;
