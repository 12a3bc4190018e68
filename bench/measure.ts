// Timing helpers for `pnpm bench`: every figure is printed beside a baseline measured in the same
// run, interleaved so that machine noise hits both alike.

export interface Timing {
  p50: number;
  p95: number;
  samples: number[];
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), samples };
}

/** Runs `candidate` and `baseline` alternately `rounds` times after `warmup` rounds of each. */
export async function compare(rounds: number, warmup: number, candidate: (i: number) => Promise<unknown>, baseline: (i: number) => Promise<unknown>) {
  for (let i = 0; i < warmup; i++) {
    await candidate(i);
    await baseline(i);
  }
  const c: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const order =
      i % 2 === 0
        ? ([
            [candidate, c],
            [baseline, b],
          ] as const)
        : ([
            [baseline, b],
            [candidate, c],
          ] as const);
    for (const [run, into] of order) {
      const started = performance.now();
      await run(i);
      into.push(performance.now() - started);
    }
  }
  return { candidate: summarize(c), baseline: summarize(b) };
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
