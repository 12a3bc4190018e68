import { describe, expect, test } from 'vitest';
import { isEmailAddress } from './email.js';

describe('isEmailAddress', () => {
  test.each(['kadiv.babel@demo.pantau.id', 'analis@imigrasi.go.id', 'a+tag@e2e.pantau.test', 'x@y.z', 'NAMA@KANIM.GO.ID'])('accepts %s', (email) =>
    expect(isEmailAddress(email)).toBe(true),
  );

  test.each([
    '',
    'analis',
    'analis@',
    '@imigrasi.go.id',
    'analis@localhost',
    'analis@@imigrasi.go.id',
    'a@b@c.id',
    'an alis@imigrasi.go.id',
    ' analis@imigrasi.go.id',
    'analis@imigrasi.go.id\n',
    'analis@imigrasi.',
  ])('refuses %j', (email) => expect(isEmailAddress(email)).toBe(false));
});
