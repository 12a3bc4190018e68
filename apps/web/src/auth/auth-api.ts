// The session calls: who is signed in, sign in, sign out (here or everywhere). The session itself is
// an HttpOnly cookie the API sets; nothing here ever sees or stores a token.
import { isObject } from '@pantau/domain';
import { ApiError, fetchJson, sendJson } from '../api/api-client.js';
import { parseSession, parseUser, type Session, type SessionUser } from './session.js';

/** The signed-in user and permissions, or `null` when there is no valid session (401). */
export async function getSession(signal?: AbortSignal): Promise<Session | null> {
  let body: unknown;
  try {
    body = await fetchJson('/api/v1/auth/me', {}, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
  const session = parseSession(body);
  if (!session) throw new ApiError('bad_response', 'unexpected answer from /api/v1/auth/me', 200);
  return session;
}

/** Signs in; fails with `invalid_credentials` (401), `account_disabled` (403) or `rate_limited` (429). */
export async function signIn(email: string, password: string): Promise<SessionUser> {
  const body = await sendJson('POST', '/api/v1/auth/sign-in', { email, password }, { reportsSessionLoss: false });
  const user = parseUser(isObject(body) ? body.user : undefined);
  if (!user) throw new ApiError('bad_response', 'unexpected answer from /api/v1/auth/sign-in', 200);
  return user;
}

/** A session that has already ended (401) is as signed out as it gets. */
async function endSession(path: string): Promise<void> {
  try {
    await sendJson('POST', path, {}, { reportsSessionLoss: false });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
}

export function signOut(): Promise<void> {
  return endSession('/api/v1/auth/sign-out');
}

/** Ends every session of the user, on every device. */
export function signOutEverywhere(): Promise<void> {
  return endSession('/api/v1/auth/sign-out-everywhere');
}

/**
 * Whether the server holds demo data, from the public health check (the one answer the sign-in page
 * may read); `null` when it does not say.
 */
export async function getDemoFlag(signal?: AbortSignal): Promise<boolean | null> {
  const body = await fetchJson('/api/v1/health', {}, signal);
  const demo = isObject(body) ? body.demo : undefined;
  return typeof demo === 'boolean' ? demo : null;
}

/** Changes the signed-in user's password; the server ends their other sessions and keeps this one. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  // A wrong current password is a 400, never a 401: this session stays signed in.
  await sendJson('POST', '/api/v1/auth/change-password', { currentPassword, newPassword });
}
