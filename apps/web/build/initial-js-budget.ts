import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The page's first paint must not wait on more than this much JavaScript (gzip), deck.gl aside. */
export const INITIAL_JS_BUDGET_BYTES = 450 * 1024;

interface ChunkLike {
  type: 'chunk' | 'asset';
  fileName: string;
  isEntry?: boolean;
  imports?: string[];
  code?: string;
}

export interface InitialJsReport {
  files: { fileName: string; gzipBytes: number }[];
  totalGzipBytes: number;
  budgetBytes: number;
}

/**
 * The JavaScript a browser must fetch before the app runs: the entry chunks and everything they
 * import statically. Dynamic imports (deck.gl, the detail panel, PNG export) are not in it.
 */
export function measureInitialJs(bundle: Record<string, ChunkLike>, budgetBytes = INITIAL_JS_BUDGET_BYTES): InitialJsReport {
  const seen = new Set<string>();
  const queue = Object.values(bundle)
    .filter((item) => item.type === 'chunk' && item.isEntry)
    .map((item) => item.fileName);
  while (queue.length > 0) {
    const fileName = queue.shift() as string;
    if (seen.has(fileName)) continue;
    seen.add(fileName);
    for (const imported of bundle[fileName]?.imports ?? []) queue.push(imported);
  }
  const files = [...seen].sort().map((fileName) => ({ fileName, gzipBytes: gzipSync(bundle[fileName]?.code ?? '', { level: 9 }).length }));
  return { files, totalGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0), budgetBytes };
}

/** Prints the initial JS size at every build and fails the build when it exceeds the budget. */
export function initialJsBudget(budgetBytes = INITIAL_JS_BUDGET_BYTES): Plugin {
  return {
    name: 'pantau-initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const report = measureInitialJs(bundle as unknown as Record<string, ChunkLike>, budgetBytes);
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      const detail = report.files.map((file) => `${file.fileName} ${kb(file.gzipBytes)}`).join(', ');
      this.info(`initial JS ${kb(report.totalGzipBytes)} gzip of ${kb(budgetBytes)} budget (${detail})`);
      if (report.totalGzipBytes > budgetBytes) {
        this.error(`initial JS is ${kb(report.totalGzipBytes)} gzip, over the ${kb(budgetBytes)} budget: load the new code lazily`);
      }
      this.emitFile({ type: 'asset', fileName: 'initial-js.json', source: `${JSON.stringify(report, null, 2)}\n` });
    },
  };
}
