import { describe, expect, test } from 'vitest';
import { hashPassword, PasswordHashError, verifyPassword } from './passwords.js';

describe('verifyPassword', () => {
  test('the right password is true and a wrong one false', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'wrong horse battery')).toBe(false);
  });

  test('a stored hash the library cannot read is an error naming the account, never a wrong password', async () => {
    const stored = await hashPassword('correct horse battery');
    for (const damaged of ['', 'not-a-hash', stored.slice(0, 40), stored.replace('m=19456', 'm=x')]) {
      const verifying = verifyPassword(damaged, 'correct horse battery', 'user 7');
      await expect(verifying).rejects.toBeInstanceOf(PasswordHashError);
      await expect(verifying).rejects.toThrow(/^The stored password hash of user 7 cannot be checked: /);
    }
  });

  test('the error names neither the stored hash nor the password', async () => {
    const damaged = (await hashPassword('correct horse battery')).slice(0, 50);
    const error = await verifyPassword(damaged, 'correct horse battery', 'user 7').catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(PasswordHashError);
    expect((error as Error).message).not.toContain(damaged);
    expect((error as Error).message).not.toContain('correct horse battery');
  });
});
