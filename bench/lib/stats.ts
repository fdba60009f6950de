/** Summary statistics and timing for the benchmarks. Times are milliseconds. */

export type Summary = { n: number; p50: number; p95: number; min: number; max: number };

/** Nearest-rank percentile of an unsorted sample (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of an empty sample');
  const sorted = [...samples].sort((x, y) => x - y);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

/**
 * Runs `fn(i)` `warmups` times unrecorded, then `runs` times, returning each run's duration.
 * A pathologically slow query stops early: once `budgetMs` is spent and at least `minRuns` are
 * recorded (warm-ups stop after a quarter of the budget).
 */
export async function sample(
  runs: number,
  warmups: number,
  fn: (i: number) => Promise<unknown>,
  budget: { budgetMs: number; minRuns: number } = { budgetMs: Infinity, minRuns: runs },
): Promise<number[]> {
  const warmStart = performance.now();
  for (let i = 0; i < warmups; i++) {
    await fn(i);
    if (performance.now() - warmStart > budget.budgetMs / 4) break;
  }
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
    if (times.length >= budget.minRuns && performance.now() - start > budget.budgetMs) break;
  }
  return times;
}

/** Times one async step; returns its result and the elapsed milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await fn();
  return [result, performance.now() - t0];
}

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** A plain-text table with aligned columns (first column left, others right). */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
