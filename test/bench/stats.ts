export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Best of `runs` timings of `fn`, in ms: the least noisy single figure on a shared machine. */
export async function bestOf(runs: number, fn: () => unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  /** Human-readable target, e.g. "≤ 3× baseline and ≤ 50 ms". */
  target: string;
  pass: boolean;
}

export function row(name: string, value: number, unit: string, baseline: number | null, target: string, pass: (value: number, ratio: number | null) => boolean): BenchRow {
  const ratio = baseline && baseline > 0 ? value / baseline : null;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { name, value: round(value), unit, baseline: baseline === null ? null : round(baseline), ratio: ratio === null ? null : round(ratio), target, pass: pass(value, ratio) };
}
