// `pnpm pantau user …` and `pnpm pantau audit …`: the same validated account path as the admin pages.
import type { Database } from '@pantau/db';
import { isIsoDate, ROLES } from '@pantau/domain';
import { readAudit, verifyAudit } from '../accounts/audit.js';
import { addUser, CLI_ACTOR, listUsers, parseScopeOption, resetPassword, updateUser } from '../accounts/users.js';

export class UserCommandError extends Error {}

export async function userCommand(
  database: Database,
  positionals: string[],
  values: { role?: string; scope?: string; agency?: string },
  log: (line: string) => void,
): Promise<void> {
  const [sub, email] = positionals;
  const needEmail = () => {
    if (!email) throw new UserCommandError(`pantau user ${sub}: give the account's email.`);
    return email;
  };
  switch (sub) {
    case 'add': {
      if (!values.role) throw new UserCommandError(`pantau user add: give --role (${ROLES.join(', ')}).`);
      const { scope, office } = parseScopeOption(values.scope);
      const { user, password } = await addUser(database.orm, { email: needEmail(), role: values.role, scope, office, agency: values.agency }, CLI_ACTOR);
      log(`added ${user.email} (${user.role}, ${user.agency}, ${user.scope.label})`);
      log(`password: ${password}   (shown once; the user should change it)`);
      return;
    }
    case 'list': {
      const users = await listUsers(database.orm);
      if (!users.length) {
        log('no accounts');
        return;
      }
      for (const u of users) {
        log(
          `${String(u.id).padStart(4)}  ${u.email.padEnd(40)} ${u.role.padEnd(14)} ${u.agency.padEnd(11)} ${u.disabled ? 'DISABLED ' : ''}${u.scope.label}${u.lastSignInAt ? `  last sign-in ${u.lastSignInAt}` : ''}`,
        );
      }
      return;
    }
    case 'disable':
    case 'enable': {
      const user = await updateUser(database.orm, needEmail(), { disabled: sub === 'disable' }, CLI_ACTOR);
      log(`${user.email} ${user.disabled ? 'disabled; its sessions ended' : 'enabled'}`);
      return;
    }
    case 'reset-password': {
      const password = await resetPassword(database.orm, needEmail(), CLI_ACTOR);
      log(`new password for ${email}: ${password}   (shown once; every session of this user ended)`);
      return;
    }
    case 'change': {
      const { scope, office } = parseScopeOption(values.scope);
      const user = await updateUser(
        database.orm,
        needEmail(),
        {
          ...(values.role ? { role: values.role } : {}),
          ...(values.agency ? { agency: values.agency } : {}),
          ...(values.scope ? (office ? { office } : { scope }) : {}),
        },
        CLI_ACTOR,
      );
      log(`${user.email}: ${user.role}, ${user.agency}, ${user.scope.label}`);
      return;
    }
    default:
      throw new UserCommandError(
        'pantau user add <email> --role <role> [--scope <codes>|office:<key>] [--agency <code>] | list | disable <email> | enable <email> | reset-password <email> | change <email> [--role] [--scope] [--agency]',
      );
  }
}

/** `pnpm pantau audit verify` found the chain broken: the CLI exits with status 1. */
export class AuditChainBrokenError extends Error {}

export async function auditCommand(
  database: Database,
  positionals: string[],
  values: { since?: string; action?: string; limit?: string },
  log: (line: string) => void,
): Promise<void> {
  const [sub] = positionals;
  if (sub === 'verify') {
    const result = await verifyAudit(database.orm);
    if (!result.ok) {
      throw new AuditChainBrokenError(
        `audit chain BROKEN after checking ${result.rows} rows${result.brokenId != null ? ` at row ${result.brokenId}` : ''}: ${result.reason}`,
      );
    }
    log(`audit chain OK: ${result.rows} rows checked; head row ${result.headId ?? 'none'} hash ${result.headHash ?? 'none'}`);
    return;
  }
  if (sub !== undefined) throw new UserCommandError(`pantau audit ${sub}: unknown; use \`pantau audit [--since …]\` or \`pantau audit verify\`.`);
  if (values.since && !isIsoDate(values.since)) throw new UserCommandError(`--since ${values.since}: a date as YYYY-MM-DD`);
  const limit = values.limit ? Number(values.limit) : 200;
  if (!Number.isInteger(limit) || limit < 1) throw new UserCommandError(`--limit ${values.limit}: a whole number`);
  const rows = await readAudit(database.orm, { since: values.since, action: values.action, limit });
  if (!rows.length) {
    log('no audit rows');
    return;
  }
  for (const row of rows.reverse()) {
    log(
      `${row.at}  ${row.actor.padEnd(36)} ${row.action.padEnd(22)} ${(row.areaCode ?? '').padEnd(9)} ${row.target ?? ''}${row.requestId ? `  [${row.requestId}]` : ''}`,
    );
  }
}
