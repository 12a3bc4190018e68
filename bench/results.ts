// Every figure `pnpm bench` prints with a target is also recorded here and written, with the machine it
// ran on, to bench/results/latest.json, which the README's benchmark table is copied from.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';

export interface BenchFigure {
  bench: string;
  name: string;
  value: number;
  unit: string;
  /** The target, in the same unit, and whether the value must stay at or below it (`max`) or reach it (`min`). */
  target?: { [K in 'max' | 'min']?: number };
  met?: boolean;
}

const figures: BenchFigure[] = [];

export function recordFigure(figure: Omit<BenchFigure, 'met'>): void {
  const met =
    figure.target === undefined
      ? undefined
      : (figure.target.max === undefined || figure.value <= figure.target.max) && (figure.target.min === undefined || figure.value >= figure.target.min);
  figures.push({ ...figure, ...(met === undefined ? {} : { met }) });
}

export function writeResults(dir: string, context: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, 'latest.json');
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  writeFileSync(path, `${JSON.stringify({ ranAt: new Date().toISOString(), machine, ...context, figures }, null, 2)}\n`);
  return path;
}
