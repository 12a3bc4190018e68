import { describe, expect, test } from 'vitest';
import { singleFlight } from './single-flight.js';

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('singleFlight', () => {
  test('callers of a key while its work runs share the one result; other keys and later callers run their own', async () => {
    const flights = singleFlight<string>();
    const work = deferred<string>();
    let runs = 0;
    const make = () => {
      runs++;
      return work.promise;
    };
    const first = flights.run('a', make);
    const second = flights.run('a', make);
    const other = flights.run('b', async () => 'b');
    expect(flights.size).toBe(2);
    work.resolve('made once');
    expect(await first).toEqual({ value: 'made once', shared: false });
    expect(await second).toEqual({ value: 'made once', shared: true });
    expect(await other).toEqual({ value: 'b', shared: false });
    expect(runs).toBe(1);
    expect(flights.size).toBe(0);
    expect(await flights.run('a', async () => 'again')).toEqual({ value: 'again', shared: false });
  });

  test('a failure reaches every waiting caller, and the next caller tries again', async () => {
    const flights = singleFlight<number>();
    const work = deferred<number>();
    const first = flights.run('k', () => work.promise);
    const second = flights.run('k', () => Promise.resolve(2));
    work.reject(new Error('statement timeout'));
    await expect(first).rejects.toThrow('statement timeout');
    await expect(second).rejects.toThrow('statement timeout');
    expect(await flights.run('k', async () => 3)).toEqual({ value: 3, shared: false });
  });
});
