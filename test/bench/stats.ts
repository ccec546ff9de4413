// Small statistics for the bench: every figure is a median with its spread.
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Interquartile range (q3 - q1). */
  iqr: number;
  runs: number;
}

/** Linear-interpolated quantile of sorted values, q in [0, 1]. */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function summarize(values: readonly number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), min: s[0], max: s[s.length - 1], iqr: quantile(s, 0.75) - quantile(s, 0.25), runs: s.length };
}

export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
  n: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  const s = [...values].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p99: quantile(s, 0.99), max: s[s.length - 1], n: s.length };
}

/**
 * Least-squares fit of log(y) = k·log(x) + c: the exponent k of y ∝ x^k
 * (k ≈ 1 means time grows linearly with size). r2 says how well a power law fits.
 */
export function powerLawExponent(xs: readonly number[], ys: readonly number[]): { k: number; r2: number } {
  if (xs.length !== ys.length || xs.length < 2) throw new Error('need at least two (x, y) points');
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < lx.length; i++) {
    sxy += (lx[i] - mx) * (ly[i] - my);
    sxx += (lx[i] - mx) ** 2;
    syy += (ly[i] - my) ** 2;
  }
  const k = sxy / sxx;
  return { k, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}

export const round = (x: number, digits = 2): number => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);
