// The password-change form's rules, pure so they are tested without a browser: the same strength rule
// the server applies (passwordProblem in @pantau/domain), checked before sending so the user reads
// the reason in their language; the server checks again.
import { MIN_PASSWORD_LENGTH, passwordProblem } from '@pantau/domain';
import { ApiError } from '../api/api-client.js';

export interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

export type ChangePasswordProblem =
  | { key: 'currentMissing' | 'mismatch' | 'unchanged' | 'sameAsEmail' | 'tooSimple' | 'tooLong' | 'wrongCurrent' }
  | { key: 'tooShort'; min: number }
  | { key: 'rateLimited'; seconds: number }
  | { key: 'failed'; message: string };

export function changePasswordFormProblem(form: ChangePasswordForm, email: string): ChangePasswordProblem | null {
  if (form.currentPassword === '') return { key: 'currentMissing' };
  const problem = passwordProblem(form.newPassword, email);
  if (problem === 'too_short') return { key: 'tooShort', min: MIN_PASSWORD_LENGTH };
  if (problem === 'too_long') return { key: 'tooLong' };
  if (problem === 'same_as_email') return { key: 'sameAsEmail' };
  if (problem === 'too_simple') return { key: 'tooSimple' };
  if (form.newPassword !== form.repeatPassword) return { key: 'mismatch' };
  if (form.newPassword === form.currentPassword) return { key: 'unchanged' };
  return null;
}

/**
 * What a refused change means once the form's own checks passed: a 400 is the current password
 * (the only field left the server can refuse), a 429 too many wrong ones.
 */
export function changePasswordErrorProblem(error: unknown): ChangePasswordProblem {
  if (error instanceof ApiError && error.status === 400) return { key: 'wrongCurrent' };
  if (error instanceof ApiError && error.status === 429) return { key: 'rateLimited', seconds: error.retryAfterSeconds ?? 60 };
  return { key: 'failed', message: error instanceof Error ? error.message : String(error) };
}
