// Concurrent misses of one cache key wait for the first instead of each doing the same work: when a room
// of officials opens the same view at once, one tile or answer is made, not one per person, and the
// database is not flooded with identical reads just when it is busiest (a cache stampede).
export interface SingleFlight<V> {
  /**
   * The first caller of a key runs `work`; callers arriving while it runs get its result, or its failure,
   * with `shared: true`. The key must name everything the result depends on (scope included).
   */
  run(key: string, work: () => Promise<V>): Promise<{ value: V; shared: boolean }>;
  /** Keys being worked on now. */
  readonly size: number;
}

export function singleFlight<V>(): SingleFlight<V> {
  const running = new Map<string, Promise<V>>();
  return {
    async run(key, work) {
      const pending = running.get(key);
      if (pending) return { value: await pending, shared: true };
      const promise = work();
      running.set(key, promise);
      try {
        return { value: await promise, shared: false };
      } finally {
        running.delete(key);
      }
    },
    get size() {
      return running.size;
    },
  };
}
