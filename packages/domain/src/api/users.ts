// Answers of the account and audit endpoints (admin).
import { z } from 'zod';
import { ROLES } from '../access.js';
import { TOKEN_CAPABILITIES } from '../api-tokens.js';
import { TIMPORA_AGENCY_CODES } from '../planning/agencies.js';

/** An account as the API shows it: never its password hash. */
export const publicUserSchema = z
  .object({
    id: z.number(),
    email: z.string(),
    role: z.enum(ROLES),
    /** The Timpora member agency the person works for (Imigrasi, Polri, Disnaker…): exports and prints name it. */
    agency: z.enum(TIMPORA_AGENCY_CODES),
    /** areaCodes null: national. `label` names the scope for people (an office, a province). */
    scope: z.object({ areaCodes: z.array(z.string()).nullable(), office: z.string().nullable(), label: z.string() }),
    disabled: z.boolean(),
    createdAt: z.string(),
    lastSignInAt: z.string().nullable(),
  })
  .meta({ id: 'User' });
export type PublicUser = z.infer<typeof publicUserSchema>;

/** One row of the audit trail, newest first. */
export const auditRowSchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actor: z.string(),
    /** `sign_in`, `export.permits`, `import`, `user.add`… */
    action: z.string(),
    areaCode: z.string().nullable(),
    target: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditRow' });
export type AuditRow = z.infer<typeof auditRowSchema>;

/** An API token of a channel system as the API lists it: its visible id part (`prefix`), never its secret or hash. */
export const apiTokenSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    /** The token's visible start (`pt_1a2b3c4d`), to recognise a leaked token. */
    prefix: z.string(),
    /** Province or regency codes. */
    scope: z.array(z.string()),
    capabilities: z.array(z.enum(TOKEN_CAPABILITIES)),
    /** The admin's email, or `cli:<account>` for `pnpm pantau token add`. */
    createdBy: z.string(),
    createdAt: z.string(),
    /** Updated at most once a minute. */
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiTokenAnswer = z.infer<typeof apiTokenSchema>;
/** POST /admin/tokens: the token made, and its secret, shown this once (only its hash is kept). */
export const apiTokenCreatedSchema = z.object({ token: apiTokenSchema, secret: z.string() }).meta({ id: 'ApiTokenCreated' });
export type ApiTokenCreatedAnswer = z.infer<typeof apiTokenCreatedSchema>;

/** What a role may do (@pantau/domain access.ts Permissions), as /auth/me tells the web app. */
export const permissionsSchema = z
  .object({
    personalData: z.boolean(),
    import: z.boolean(),
    manageUsers: z.boolean(),
    audit: z.boolean(),
    layers: z.array(z.string()),
    lists: z.boolean(),
    exports: z.array(z.string()),
    planning: z.object({ read: z.boolean(), write: z.boolean(), approve: z.boolean() }),
    reports: z.object({ write: z.boolean() }),
  })
  .meta({ id: 'Permissions' });

/** POST /auth/sign-in and GET /auth/me: the account and what it may do. */
export const sessionAnswerSchema = z.object({ user: publicUserSchema, permissions: permissionsSchema });
export type SessionAnswer = z.infer<typeof sessionAnswerSchema>;
