import type { Distribution } from '../scenario/types.js';

/** Coefficients of Acklam's rational approximation to the inverse normal CDF. */
const [A0, A1, A2, A3, A4, A5] = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
] as const;
const [B0, B1, B2, B3, B4] = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
] as const;
const [C0, C1, C2, C3, C4, C5] = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
] as const;
const [D0, D1, D2, D3] = [
  0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416,
] as const;
/** Below this probability (and above its complement) the tail formula applies. */
const LOW = 0.02425;

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
function inverseNormal(p: number): number {
  const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
  if (q < LOW) {
    const r = Math.sqrt(-2 * Math.log(q));
    return (
      (((((C0 * r + C1) * r + C2) * r + C3) * r + C4) * r + C5) /
      ((((D0 * r + D1) * r + D2) * r + D3) * r + 1)
    );
  }
  if (q > 1 - LOW) {
    const r = Math.sqrt(-2 * Math.log(1 - q));
    return (
      -(((((C0 * r + C1) * r + C2) * r + C3) * r + C4) * r + C5) /
      ((((D0 * r + D1) * r + D2) * r + D3) * r + 1)
    );
  }
  const r = q - 0.5;
  const s = r * r;
  return (
    ((((((A0 * s + A1) * s + A2) * s + A3) * s + A4) * s + A5) * r) /
    (((((B0 * s + B1) * s + B2) * s + B3) * s + B4) * s + 1)
  );
}

/** A whole, non-negative number of milliseconds. */
const wholeMs = (ms: number): number => Math.max(0, Math.round(ms));

/**
 * A whole number of milliseconds drawn from `distribution` by the uniform number `u` in [0, 1).
 * Always within `boundsMs(distribution)`, also for fractional or negative parameters: the schedule's
 * closed forms rely on that.
 *
 * @example
 * sampleMs({ type: 'uniform', minMs: 100, maxMs: 200 }, 0.5); // 150
 */
export function sampleMs(distribution: Distribution, u: number): number {
  switch (distribution.type) {
    case 'fixed':
      return wholeMs(distribution.ms);
    case 'uniform':
      return wholeMs(distribution.minMs + u * (distribution.maxMs - distribution.minMs));
    case 'lognormal':
      return wholeMs(
        Math.min(distribution.maxMs, distribution.medianMs * Math.exp(distribution.sigma * inverseNormal(u))),
      );
  }
}

/**
 * The smallest and largest value `sampleMs` can return, and the typical one (median or mean), all whole.
 *
 * @example
 * boundsMs({ type: 'lognormal', medianMs: 2_000, sigma: 1, maxMs: 30_000 }); // { min: 0, max: 30000, typical: 2000 }
 */
export function boundsMs(distribution: Distribution): { min: number; max: number; typical: number } {
  switch (distribution.type) {
    case 'fixed': {
      const ms = wholeMs(distribution.ms);
      return { min: ms, max: ms, typical: ms };
    }
    case 'uniform': {
      const min = wholeMs(Math.min(distribution.minMs, distribution.maxMs));
      const max = wholeMs(Math.max(distribution.minMs, distribution.maxMs));
      return { min, max, typical: wholeMs((distribution.minMs + distribution.maxMs) / 2) };
    }
    case 'lognormal': {
      const max = wholeMs(distribution.maxMs);
      return { min: 0, max, typical: Math.min(max, wholeMs(distribution.medianMs)) };
    }
  }
}
