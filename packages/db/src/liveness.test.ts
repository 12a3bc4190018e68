import { describe, expect, test } from 'vitest';
import { createLiveness, DatabaseUnreachableError } from './liveness.js';

const never = () => new Promise<never>(() => {});
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('liveness', () => {
  test('work that answers passes its value and its error through, and a slow answer with a server that answers is waited for', async () => {
    let probes = 0;
    const liveness = createLiveness({ probe: async () => void probes++, suspectAfterMs: 5, probeTimeoutMs: 50, retryEveryMs: 5 });
    await expect(liveness.guard(async () => 42)).resolves.toBe(42);
    await expect(liveness.guard(() => Promise.reject(new Error('syntax error')))).rejects.toThrow('syntax error');
    await expect(liveness.guard(() => settle(40).then(() => 'slow'))).resolves.toBe('slow');
    expect(probes).toBeGreaterThan(0);
    expect(liveness.down).toBe(false);
    liveness.close();
  });

  test('waiting work is abandoned when the probe finds no answer; later work is refused at once until a probe answers again', async () => {
    let answers = false;
    const liveness = createLiveness({
      probe: () => (answers ? Promise.resolve() : never()),
      suspectAfterMs: 5,
      probeTimeoutMs: 20,
      retryEveryMs: 5,
    });
    let started = 0;
    await expect(liveness.guard(never)).rejects.toBeInstanceOf(DatabaseUnreachableError);
    expect(liveness.down).toBe(true);
    await expect(
      liveness.guard(async () => {
        started++;
        return 1;
      }),
    ).rejects.toBeInstanceOf(DatabaseUnreachableError);
    expect(started).toBe(0);
    answers = true;
    for (let i = 0; i < 200 && liveness.down; i++) await settle(5);
    expect(liveness.down).toBe(false);
    await expect(liveness.guard(async () => 'back')).resolves.toBe('back');
    liveness.close();
  });

  test('a probe that fails outright (connection refused) counts as no answer too', async () => {
    const liveness = createLiveness({ probe: () => Promise.reject(new Error('ECONNREFUSED')), suspectAfterMs: 5, probeTimeoutMs: 1000, retryEveryMs: 1000 });
    await expect(liveness.guard(never)).rejects.toThrow('The database does not answer.');
    liveness.close();
  });
});
