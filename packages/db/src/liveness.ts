// Knowing quickly that the PostgreSQL server no longer answers (issue 26). A server that is stopped or
// restarted refuses or resets connections, and queries fail at once. A server behind a link that
// goes silent (a blocked port, a dead relay, a partition) makes queries wait for TCP to give up, many
// minutes. The monitor notices a request that waits long, asks the server a trivial question over a new
// connection with a short deadline, and when that fails too, calls the database down: waiting and new
// requests are answered at once (503) while a probe each second watches for the server's return.

/** Raised for work refused or abandoned because the database does not answer (see isConnectionError). */
export class DatabaseUnreachableError extends Error {
  readonly code = 'DATABASE_UNREACHABLE';
  constructor() {
    super('The database does not answer.');
    this.name = 'DatabaseUnreachableError';
  }
}

export interface LivenessOptions {
  /** A trivial query over a new connection; rejects when the server does not answer. */
  probe: () => Promise<void>;
  /** A request waiting this long makes the monitor probe the server. */
  suspectAfterMs: number;
  /** A probe not answered in this time counts as failed. */
  probeTimeoutMs: number;
  /** While down, the server is probed this often. */
  retryEveryMs: number;
  log?: (line: string) => void;
}

export interface Liveness {
  /** True from a failed probe until a probe succeeds. */
  readonly down: boolean;
  /**
   * Runs `work` (a request's use of the database): refused at once while the database is down, and
   * abandoned (rejected with DatabaseUnreachableError) when the database is found down while it waits.
   */
  guard<T>(work: () => Promise<T>): Promise<T>;
  close(): void;
}

export function createLiveness(options: LivenessOptions): Liveness {
  let down = false;
  let probing: Promise<boolean> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let closed = false;
  // The rejecters of the work waiting now, called when the database is found down.
  const waiting = new Set<(error: Error) => void>();

  const probeOnce = (): Promise<boolean> => {
    probing ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          options.probe(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer in ${options.probeTimeoutMs} ms`)), options.probeTimeoutMs);
          }),
        ]);
        return true;
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
        probing = null;
      }
    })();
    return probing;
  };

  const markDown = () => {
    if (down || closed) return;
    down = true;
    options.log?.(`database: no answer to a probe; requests are answered 503 until it answers again`);
    for (const reject of waiting) reject(new DatabaseUnreachableError());
    waiting.clear();
    const retry = async () => {
      retryTimer = null;
      if (closed) return;
      if (await probeOnce()) {
        down = false;
        options.log?.(`database: answers again`);
      } else if (!closed) retryTimer = setTimeout(() => void retry(), options.retryEveryMs).unref();
    };
    // unref: a process ending (a test, the CLI) does not wait for the next probe.
    retryTimer = setTimeout(() => void retry(), options.retryEveryMs).unref();
  };

  const suspect = async () => {
    if (down || closed) return;
    if (!(await probeOnce())) markDown();
  };

  return {
    get down() {
      return down;
    },
    guard<T>(work: () => Promise<T>): Promise<T> {
      if (down) return Promise.reject(new DatabaseUnreachableError());
      return new Promise<T>((resolve, reject) => {
        let settled = false;
        const settle = () => {
          settled = true;
          clearTimeout(timer);
          waiting.delete(abandon);
        };
        const abandon = (error: Error) => {
          if (settled) return;
          settle();
          reject(error);
        };
        waiting.add(abandon);
        const timer = setTimeout(() => void suspect(), options.suspectAfterMs);
        work().then(
          (value) => {
            if (settled) return;
            settle();
            resolve(value);
          },
          (error: unknown) => {
            if (settled) return;
            settle();
            reject(error as Error);
          },
        );
      });
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      waiting.clear();
    },
  };
}
