/**
 * Measurement: contenders run alternately (the order rotates every run, so
 * neither side always gets a warmer cache), after warm-up runs that are thrown
 * away; sub-millisecond work is repeated in a batch until it rises well above
 * the timer's resolution, and the per-operation mean of the batch is one sample.
 */
export type Sample = () => Promise<number> | number;

export interface AlternateOptions {
  runs: number;
  warmup: number;
  /** Fewer kept runs for slow contenders (they sit out the later rounds). */
  runsOf?: Record<string, number>;
}

export interface Samples {
  [name: string]: number[];
}

/** Runs every contender `warmup + runs` times, rotating the order each time; returns the kept samples. */
export async function alternate(contenders: Record<string, Sample>, { runs, warmup, runsOf = {} }: AlternateOptions): Promise<Samples> {
  const names = Object.keys(contenders);
  const samples: Samples = Object.fromEntries(names.map((n) => [n, [] as number[]]));
  for (let round = 0; round < warmup + runs; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      if (round >= warmup + (runsOf[name] ?? runs)) continue;
      const ms = await contenders[name]!();
      if (round >= warmup) samples[name]!.push(ms);
    }
  }
  return samples;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median() of no samples.');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds since an arbitrary origin, with sub-microsecond resolution (Node). */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Times one call of `fn`. */
export async function timeOnce(fn: () => unknown): Promise<number> {
  const t0 = nowMs();
  await fn();
  return nowMs() - t0;
}

/**
 * Mean time per call of a synchronous `fn`, repeated until at least `minBatchMs`
 * have passed (at least once), so that sub-millisecond work is measured well.
 */
export function batched(fn: () => unknown, minBatchMs = 50): number {
  let reps = 0;
  const t0 = nowMs();
  for (;;) {
    fn();
    reps++;
    const elapsed = nowMs() - t0;
    if (elapsed >= minBatchMs) return elapsed / reps;
  }
}
