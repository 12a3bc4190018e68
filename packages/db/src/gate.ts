// The embedded database has one connection: whoever holds it (a query, or a transaction from BEGIN to
// COMMIT) makes every other caller wait, and PGlite cannot cancel a running statement. Unbounded,
// one slow request stalls every other one for as long as it runs (issue 18). The gate bounds the
// wait instead: a caller waits at most `waitMs` and at most `maxWaiting` callers wait at all; the
// others are refused at once with DatabaseBusyError, which the API answers with 503 and Retry-After.

export interface GateLimits {
  /** How long a caller may wait for the connection before it is refused; Infinity = no limit. */
  waitMs: number;
  /** How many callers may wait at once; one more is refused without waiting. Infinity = no limit. */
  maxWaiting: number;
}

export const UNBOUNDED_GATE: GateLimits = { waitMs: Infinity, maxWaiting: Infinity };

/** Raised when the database is held by other work for longer than a caller may wait. */
export class DatabaseBusyError extends Error {
  constructor(
    readonly reason: 'wait' | 'queue_full',
    readonly retryAfterSeconds: number,
  ) {
    super(
      reason === 'wait'
        ? 'The database is busy with other requests; this one waited too long and was not run.'
        : 'The database is busy: too many requests are already waiting; this one was not run.',
    );
    this.name = 'DatabaseBusyError';
  }
}

interface Waiter {
  start(): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** One holder at a time, first come first served, with a bounded wait and a bounded queue. */
export class BoundedGate {
  #held = false;
  readonly #waiting: Waiter[] = [];

  /** Changed by limitRequests once start-up work is done; applies to callers that come after. */
  constructor(public limits: GateLimits) {}

  get waiting(): number {
    return this.#waiting.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      return await work();
    } finally {
      this.#release();
    }
  }

  #acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    // Retry-After: by then the holder and those ahead have had the time a waiter is allowed.
    const retryAfterSeconds = Number.isFinite(this.limits.waitMs) ? Math.max(1, Math.ceil(this.limits.waitMs / 1000)) : 1;
    if (this.#waiting.length >= this.limits.maxWaiting) return Promise.reject(new DatabaseBusyError('queue_full', retryAfterSeconds));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { start: resolve, timer: undefined };
      if (Number.isFinite(this.limits.waitMs)) {
        waiter.timer = setTimeout(() => {
          this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
          reject(new DatabaseBusyError('wait', retryAfterSeconds));
        }, this.limits.waitMs);
      }
      this.#waiting.push(waiter);
    });
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (!next) {
      this.#held = false;
      return;
    }
    // The connection passes straight to the next waiter: `held` stays true, so no newcomer overtakes it.
    if (next.timer) clearTimeout(next.timer);
    next.start();
  }
}
