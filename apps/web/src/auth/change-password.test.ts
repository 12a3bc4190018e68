import { describe, expect, test } from 'vitest';
import { ApiError } from '../api/api-client.js';
import { changePasswordErrorProblem, changePasswordFormProblem } from './change-password.js';

const email = 'analis@example.go.id';
const form = (currentPassword: string, newPassword: string, repeatPassword = newPassword) => ({ currentPassword, newPassword, repeatPassword });

describe('changePasswordFormProblem', () => {
  test('a long new password typed twice, different from the current one, passes', () => {
    expect(changePasswordFormProblem(form('old password 1', 'kopi tubruk di pelabuhan'), email)).toBeNull();
  });

  test.each([
    [form('', 'kopi tubruk di pelabuhan'), 'currentMissing'],
    [form('old password 1', 'short'), 'tooShort'],
    [form('old password 1', 'aaaaaaaaaaaa'), 'tooSimple'],
    [form('old password 1', email), 'sameAsEmail'],
    [form('old password 1', 'kopi tubruk di pelabuhan', 'kopi tubruk di pelabuhan!'), 'mismatch'],
    [form('kopi tubruk di pelabuhan', 'kopi tubruk di pelabuhan'), 'unchanged'],
  ])('%o is refused as %s', (input, key) => {
    expect(changePasswordFormProblem(input, email)?.key).toBe(key);
  });
});

describe('changePasswordErrorProblem', () => {
  test('400 is a wrong current password, 429 a wait, anything else its message', () => {
    expect(changePasswordErrorProblem(new ApiError('invalid_parameter', 'The current password is wrong.', 400))).toEqual({ key: 'wrongCurrent' });
    expect(changePasswordErrorProblem(new ApiError('rate_limited', 'Too many', 429, 120))).toEqual({ key: 'rateLimited', seconds: 120 });
    expect(changePasswordErrorProblem(new ApiError('network', 'offline', null))).toEqual({ key: 'failed', message: 'offline' });
  });
});
