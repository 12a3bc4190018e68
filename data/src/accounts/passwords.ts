import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane): about 50 ms a hash.
// `algorithm: 2` is Argon2id (a const enum in the typings, which isolated modules cannot read).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * The hash library could not check a password against a stored hash (malformed or truncated hash, an
 * unknown algorithm, the library failing): a fault to log and answer with a 500, never a wrong password.
 * The message names the account (by id) and the library's reason, never the hash.
 */
export class PasswordHashError extends Error {
  constructor(account: string, cause: unknown) {
    super(`The stored password hash of ${account} cannot be checked: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'PasswordHashError';
  }
}

/**
 * true when `password` matches `passwordHash`, false when it does not. Anything else (argon2 refusing the
 * stored hash) throws a PasswordHashError: counting it as a wrong password would lock the account's owner
 * out with 401s and throttles while hiding the damaged row.
 */
export async function verifyPassword(passwordHash: string, password: string, account = 'an account'): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch (error) {
    throw new PasswordHashError(account, error);
  }
}

/** 16 characters from an alphabet without look-alikes (0/O, 1/l/I), ~93 bits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** A hash of a random password, verified against when an account does not exist, so timing does not tell. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(generatePassword());
  return decoyHash;
}
