// The stated size of an offline copy: what a briefing may take in the browser's storage. The plan is
// checked before anything is fetched (the app's own files are known from the build, the number of
// tiles from the slides' views), and the bytes as they arrive; over either, the copy is abandoned.

/** At most this much per briefing (decimal megabytes, as shown: 50 MB = 50,000,000 bytes). */
export const OFFLINE_BUDGET_BYTES = 50_000_000;

/**
 * At most this many files per briefing. Tiles of a regency at its zoom are a few hundred; a plan with
 * thousands means a slide shows a wide area at a deep zoom, which would not fit the budget anyway.
 */
export const OFFLINE_MAX_FILES = 4000;

export type BudgetProblem = { kind: 'files'; files: number; limit: number } | { kind: 'bytes'; bytes: number; limit: number };

/** Thrown when a copy would not fit: the saver removes what it stored and says why. */
export class OfflineBudgetError extends Error {
  constructor(readonly problem: BudgetProblem) {
    super(
      problem.kind === 'files'
        ? `${problem.files} files, more than the ${problem.limit} an offline copy may hold`
        : `${problem.bytes} bytes, more than the ${problem.limit} an offline copy may take`,
    );
    this.name = 'OfflineBudgetError';
  }
}

/**
 * Checks a plan before downloading: too many files, or files of known size (the app shell) already
 * over the budget. Returns the problem, or `null` when the plan may go ahead.
 */
export function checkPlan(files: number, knownBytes: number, limits = { bytes: OFFLINE_BUDGET_BYTES, files: OFFLINE_MAX_FILES }): BudgetProblem | null {
  if (files > limits.files) return { kind: 'files', files, limit: limits.files };
  if (knownBytes > limits.bytes) return { kind: 'bytes', bytes: knownBytes, limit: limits.bytes };
  return null;
}

/** Counts the bytes stored so far; `add` throws once they pass the budget. */
export class ByteBudget {
  #bytes = 0;
  #files = 0;

  constructor(readonly limit = OFFLINE_BUDGET_BYTES) {}

  get bytes(): number {
    return this.#bytes;
  }
  get files(): number {
    return this.#files;
  }

  add(bytes: number): void {
    if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`not a size: ${bytes}`);
    this.#bytes += bytes;
    this.#files += 1;
    if (this.#bytes > this.limit) throw new OfflineBudgetError({ kind: 'bytes', bytes: this.#bytes, limit: this.limit });
  }
}

/** Bytes as decimal megabytes with one decimal, in the page's language ("12,3" in Indonesian). */
export function megabytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1_000_000);
}
