// The admin calls: users (list, add, change, reset password), API tokens and the audit trail. Every answer is
// checked against the contract (docs/access-control.md), so a changed API shows as a clear error.
import {
  apiTokenCreatedSchema,
  apiTokenSchema,
  auditRowSchema,
  isObject,
  type ApiTokenAnswer,
  type ApiTokenCreatedAnswer,
  type AuditRow,
  type TimporaAgencyCode,
  type TokenCapability,
} from '@pantau/domain';
import { z } from 'zod';
import { answerOf, ApiError, fetchAnswer, fetchJson, sendJson } from '../api/api-client.js';
import { parseUser, type Role, type SessionUser } from '../auth/session.js';

export type AdminUser = SessionUser;

/** One row of the audit trail (@pantau/domain api/users.ts). */
export type AuditItem = AuditRow;

/** A new account; `scope` (area codes) or `office` (an office key), neither for an admin. */
export interface NewUser {
  email: string;
  role: Role;
  agency: TimporaAgencyCode;
  scope?: string[];
  office?: string;
  password?: string;
}

export interface UserChange {
  role?: Role;
  agency?: TimporaAgencyCode;
  scope?: string[];
  office?: string;
  disabled?: boolean;
}

function badResponse(what: string): ApiError {
  return new ApiError('bad_response', `unexpected answer from ${what}`, null);
}

function userOf(value: unknown, what: string): AdminUser {
  const user = parseUser(value);
  if (!user) throw badResponse(what);
  return user;
}

export async function listUsers(signal?: AbortSignal): Promise<AdminUser[]> {
  const body = await fetchJson('/api/v1/users', {}, signal);
  if (!isObject(body) || !Array.isArray(body.items)) throw badResponse('/api/v1/users');
  return body.items.map((item) => userOf(item, '/api/v1/users'));
}

/** Adds the account; the answer carries its password (generated unless given), shown once. */
export async function createUser(user: NewUser): Promise<{ user: AdminUser; password: string }> {
  const body = await sendJson('POST', '/api/v1/users', user);
  if (!isObject(body) || typeof body.password !== 'string') throw badResponse('POST /api/v1/users');
  return { user: userOf(body.user, 'POST /api/v1/users'), password: body.password };
}

export async function changeUser(id: number, change: UserChange): Promise<AdminUser> {
  const path = `/api/v1/users/${id}`;
  const body = await sendJson('PATCH', path, change);
  if (!isObject(body)) throw badResponse(`PATCH ${path}`);
  return userOf(body.user, `PATCH ${path}`);
}

/** A new generated password, shown once; the user's sessions end. */
export async function resetPassword(id: number): Promise<string> {
  const path = `/api/v1/users/${id}/reset-password`;
  const body = await sendJson('POST', path, {});
  if (!isObject(body) || typeof body.password !== 'string') throw badResponse(`POST ${path}`);
  return body.password;
}

/** Audit rows since a date (YYYY-MM-DD), newest first. */
export async function listAudit(query: { since: string | null; action: string | null; limit: number }, signal?: AbortSignal): Promise<AuditItem[]> {
  return (
    await fetchAnswer(
      z.object({ items: z.array(auditRowSchema) }),
      '/api/v1/audit',
      { since: query.since, action: query.action, limit: String(query.limit) },
      signal,
    )
  ).items;
}

/** API tokens of channel systems (GET /admin/tokens): never a secret. */
export async function listApiTokens(signal?: AbortSignal): Promise<ApiTokenAnswer[]> {
  return (await fetchAnswer(z.object({ items: z.array(apiTokenSchema) }), '/api/v1/admin/tokens', {}, signal)).items;
}

/** Makes a token; the answer carries its secret, shown once (only its hash is kept). */
export async function createApiToken(input: { name: string; scope: string[]; capabilities: TokenCapability[] }): Promise<ApiTokenCreatedAnswer> {
  return answerOf(apiTokenCreatedSchema, await sendJson('POST', '/api/v1/admin/tokens', input), 'POST /api/v1/admin/tokens');
}

/** Revokes a token: its next request answers 401. */
export async function revokeApiToken(id: number): Promise<ApiTokenAnswer> {
  const path = `/api/v1/admin/tokens/${id}/revoke`;
  return answerOf(z.object({ token: apiTokenSchema }), await sendJson('POST', path, {}), `POST ${path}`).token;
}
