/**
 * Measurement: contenders run alternately after a warm-up round that is thrown
 * away (nothing from it reaches any figure: the kept values are all a sample
 * returns, busy times and counts included). Every round runs every contender,
 * in an order that rotates from round to round, until each has its runs: a
 * contender that keeps more runs than the slowest takes several turns per
 * round, spread between the others' turns. Sub-millisecond work is repeated in
 * a batch of at least 50 ms, and the per-operation mean of the batch is one sample.
 */
export type Sample<T = number> = () => Promise<T> | T;

export interface AlternateOptions {
  /** Kept samples per contender. */
  runs: number;
  warmup: number;
  /** Fewer kept runs for slow contenders (their turns are spread over the same rounds). */
  runsOf?: Record<string, number>;
}

export type Samples<T = number> = Record<string, T[]>;

/** How many turns each contender takes in each round so that all of them finish in the same round. */
export function turnsPerRound(runs: Record<string, number>): Array<Record<string, number>> {
  const rounds = Math.max(1, Math.min(...Object.values(runs)));
  return Array.from({ length: rounds }, (_, r) =>
    Object.fromEntries(
      Object.entries(runs).map(([name, n]) => [name, Math.floor(((r + 1) * n) / rounds) - Math.floor((r * n) / rounds)]),
    ),
  );
}

/** The order of one round: the names rotated by `round`, each name's turns interleaved with the others'. */
export function roundOrder(names: readonly string[], turns: Record<string, number>, round: number): string[] {
  const rotated = names.map((_, k) => names[(round + k) % names.length]!);
  const order: string[] = [];
  const most = Math.max(...rotated.map((n) => turns[n] ?? 0));
  for (let slot = 0; slot < most; slot++) for (const name of rotated) if ((turns[name] ?? 0) > slot) order.push(name);
  return order;
}

/** Runs one warm-up round per `warmup`, then the kept rounds; returns only the kept samples. */
export async function alternate<T = number>(contenders: Record<string, Sample<T>>, { runs, warmup, runsOf = {} }: AlternateOptions): Promise<Samples<T>> {
  const names = Object.keys(contenders);
  const samples: Samples<T> = Object.fromEntries(names.map((n) => [n, [] as T[]]));
  const once = Object.fromEntries(names.map((n) => [n, 1]));
  for (let round = 0; round < warmup; round++) {
    for (const name of roundOrder(names, once, round)) await contenders[name]!();
  }
  const plan = turnsPerRound(Object.fromEntries(names.map((n) => [n, runsOf[n] ?? runs])));
  for (let round = 0; round < plan.length; round++) {
    for (const name of roundOrder(names, plan[round]!, warmup + round)) samples[name]!.push(await contenders[name]!());
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

/**
 * The same for asynchronous work that needs fresh input each time: `prepare`
 * (not timed) then `run` (timed, awaited), one after another, until the timed
 * parts add up to `minBatchMs`; returns the mean of one `run`.
 */
export async function batchedAsync<T>(prepare: () => T, run: (input: T) => Promise<unknown>, minBatchMs = 50): Promise<number> {
  let reps = 0;
  let total = 0;
  while (total < minBatchMs) {
    const input = prepare();
    const t0 = nowMs();
    await run(input);
    total += nowMs() - t0;
    reps++;
  }
  return total / reps;
}
