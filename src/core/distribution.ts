import type { Distribution } from '../scenario/types.js';

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
function inverseNormal(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
  if (q < low) {
    const r = Math.sqrt(-2 * Math.log(q));
    return (
      (((((c0 * r + c1) * r + c2) * r + c3) * r + c4) * r + c5) /
      ((((d0 * r + d1) * r + d2) * r + d3) * r + 1)
    );
  }
  if (q > 1 - low) {
    const r = Math.sqrt(-2 * Math.log(1 - q));
    return (
      -(((((c0 * r + c1) * r + c2) * r + c3) * r + c4) * r + c5) /
      ((((d0 * r + d1) * r + d2) * r + d3) * r + 1)
    );
  }
  const r = q - 0.5;
  const s = r * r;
  return (
    ((((((a0 * s + a1) * s + a2) * s + a3) * s + a4) * s + a5) * r) /
    (((((b0 * s + b1) * s + b2) * s + b3) * s + b4) * s + 1)
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
