import { afterEach, describe, expect, test, vi } from 'vitest';
import { BoundedGate, DatabaseBusyError } from './gate.js';

/** A piece of work that holds the gate until `finish` is called. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { work: () => done, finish };
}

describe('the embedded database gate', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('runs one piece of work at a time, in the order they came', async () => {
    const gate = new BoundedGate({ waitMs: Infinity, maxWaiting: Infinity });
    const order: string[] = [];
    const first = held();
    const a = gate.run(async () => {
      order.push('a start');
      await first.work();
      order.push('a end');
    });
    const b = gate.run(async () => {
      order.push('b');
    });
    const c = gate.run(async () => {
      order.push('c');
    });
    await Promise.resolve();
    expect(order).toEqual(['a start']);
    expect(gate.waiting).toBe(2);
    first.finish();
    await Promise.all([a, b, c]);
    expect(order).toEqual(['a start', 'a end', 'b', 'c']);
  });

  test('a caller that waits longer than waitMs is refused as busy with a Retry-After; the holder and later callers are not affected', async () => {
    vi.useFakeTimers();
    const gate = new BoundedGate({ waitMs: 2500, maxWaiting: 10 });
    const holder = held();
    const running = gate.run(holder.work);
    const queued = gate.run(async () => 'never');
    const refusal = queued.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(2500);
    const error = await refusal;
    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect(error).toMatchObject({ reason: 'wait', retryAfterSeconds: 3 });
    expect(gate.waiting).toBe(0);
    const later = gate.run(async () => 'ran');
    holder.finish();
    await running;
    expect(await later).toBe('ran');
  });

  test('when maxWaiting callers already wait, one more is refused at once', async () => {
    const gate = new BoundedGate({ waitMs: Infinity, maxWaiting: 2 });
    const holder = held();
    const running = gate.run(holder.work);
    const waiting = [gate.run(async () => 1), gate.run(async () => 2)];
    await expect(gate.run(async () => 3)).rejects.toMatchObject({ name: 'DatabaseBusyError', reason: 'queue_full' });
    holder.finish();
    await running;
    expect(await Promise.all(waiting)).toEqual([1, 2]);
  });

  test('work that fails still hands the gate on', async () => {
    const gate = new BoundedGate({ waitMs: Infinity, maxWaiting: Infinity });
    await expect(
      gate.run(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await gate.run(async () => 'next')).toBe('next');
  });
});
