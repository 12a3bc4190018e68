import { describe, expect, test } from 'vitest';
import { followImportJob } from './imports-api.js';
import type { ImportJob } from '@pantau/domain';

const job = (status: ImportJob['status'], percent: number): ImportJob => ({
  id: 'a1b2',
  kind: 'permits',
  fileName: 'x.csv',
  status,
  progress: { rows: percent, percent },
  startedAt: '2024-06-13T03:00:00.000Z',
  rerunnable: false,
});

describe('following an import', () => {
  test('polls a queued or running job until it is done, reporting every percentage on the way', async () => {
    const answers = [job('queued', 0), job('running', 40), job('running', 99), job('done', 100)];
    const seen: number[] = [];
    const final = await followImportJob(job('running', 0), (j) => seen.push(j.progress.percent), {
      getJob: async () => answers.shift()!,
      wait: async () => {},
    });
    expect(final.status).toBe('done');
    expect(seen).toEqual([0, 0, 40, 99, 100]);
  });

  test('a job that failed comes back with its error, and a finished job is not polled', async () => {
    let polls = 0;
    const failed = { ...job('failed', 0), error: { code: 'invalid_file', message: 'x.csv: missing column(s)' } };
    expect(
      await followImportJob(job('running', 0), () => {}, {
        getJob: async () => {
          polls += 1;
          return failed;
        },
        wait: async () => {},
      }),
    ).toBe(failed);
    expect(
      await followImportJob(job('done', 100), () => {}, {
        getJob: async () => {
          polls += 1;
          return failed;
        },
        wait: async () => {},
      }),
    ).toMatchObject({ status: 'done' });
    expect(polls).toBe(1);
  });
});
