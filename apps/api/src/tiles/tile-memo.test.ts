import { describe, expect, test } from 'vitest';
import { tileMemo } from './tile-memo.js';

describe('tileMemo', () => {
  test('tiles asking for the same analysis while it runs, and after, share one computation', async () => {
    const memo = tileMemo();
    let runs = 0;
    let finish!: (value: number) => void;
    const compute = () => {
      runs++;
      return new Promise<number>((resolve) => {
        finish = resolve;
      });
    };
    const first = memo('hot_spots|19.04', compute);
    const second = memo('hot_spots|19.04', compute);
    finish(42);
    expect(await Promise.all([first, second])).toEqual([42, 42]);
    expect(await memo('hot_spots|19.04', compute)).toBe(42);
    expect(runs).toBe(1);
  });

  test('another key (another area, date or scope) computes its own', async () => {
    const memo = tileMemo();
    let runs = 0;
    const compute = async () => ++runs;
    expect(await memo('a', compute)).toBe(1);
    expect(await memo('b', compute)).toBe(2);
  });

  test('a failed computation is not kept: the next tile tries again', async () => {
    const memo = tileMemo();
    await expect(memo('k', () => Promise.reject(new Error('busy')))).rejects.toThrow('busy');
    expect(await memo('k', async () => 'ok')).toBe('ok');
  });

  test('it holds at most `max` analyses, dropping the least recently used', async () => {
    const memo = tileMemo({ max: 2 });
    let runs = 0;
    const compute = async () => ++runs;
    await memo('a', compute);
    await memo('b', compute);
    await memo('c', compute);
    expect(await memo('a', compute)).toBe(4);
    expect(await memo('c', compute)).toBe(3);
  });
});
