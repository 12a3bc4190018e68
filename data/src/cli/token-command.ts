// `pnpm pantau token …`: API tokens of channel systems (service accounts), through the same validated
// path as the admin routes (accounts/api-tokens.ts). The secret is printed once, at `token add`.
import type { Database } from '@pantau/db';
import { TOKEN_CAPABILITIES, tokenOptionsProblem } from '@pantau/domain';
import { addApiToken, listApiTokens, revokeApiToken, type ApiTokenInput } from '../accounts/api-tokens.js';
import { CLI_ACTOR } from '../accounts/users.js';
import { UserCommandError } from './user-command.js';

export interface TokenOptions {
  name?: string;
  scope?: string;
  /** `--can` may be repeated and each may list several, comma-separated. */
  can?: string[];
}

const USAGE = `pantau token add --name <name> --scope <codes> --can <capability> | list | revoke --name <name> (capabilities: ${TOKEN_CAPABILITIES.join(', ')})`;

const splitList = (values: readonly string[]) =>
  values
    .flatMap((value) => value.split(','))
    .map((item) => item.trim())
    .filter(Boolean);

/** The options of `token add`, checked before the database is asked: a refusal names the option. */
export function tokenAddOptions(values: TokenOptions): ApiTokenInput {
  if (!values.name) throw new UserCommandError(`pantau token add: give --name (e.g. --name apoa).`);
  if (!values.scope) throw new UserCommandError(`pantau token add: give --scope, a province or regency code (e.g. --scope 19 or --scope 19.04,19.71).`);
  if (!values.can?.length) throw new UserCommandError(`pantau token add: give --can, what the token may do (${TOKEN_CAPABILITIES.join(', ')}).`);
  const input = { name: values.name, scope: splitList([values.scope]), capabilities: splitList(values.can) };
  const problem = tokenOptionsProblem(input);
  if (problem) throw new UserCommandError(`--${OPTION_OF_FIELD[problem.field] ?? problem.field}: ${problem.message}`);
  return input;
}

const OPTION_OF_FIELD: Record<string, string> = { name: 'name', scope: 'scope', capabilities: 'can' };

export async function tokenCommand(database: Database, positionals: string[], values: TokenOptions, log: (line: string) => void): Promise<void> {
  const [sub, extra] = positionals;
  if (extra !== undefined) throw new UserCommandError(`pantau token ${sub}: unexpected ${extra}. ${USAGE}`);
  switch (sub) {
    case 'add': {
      const { token, secret } = await addApiToken(database.orm, tokenAddOptions(values), CLI_ACTOR);
      log(`added token ${token.name} (${token.prefix}…): scope ${token.scope.join(', ')}; may ${token.capabilities.join(', ')}`);
      log(`token: ${secret}`);
      log('This token will not be shown again: copy it into the channel system now. Pantau keeps only its hash.');
      return;
    }
    case 'list': {
      const tokens = await listApiTokens(database.orm);
      if (!tokens.length) {
        log('no API tokens');
        return;
      }
      log(
        `${'name'.padEnd(20)} ${'prefix'.padEnd(12)} ${'scope'.padEnd(16)} ${'capabilities'.padEnd(16)} ${'created'.padEnd(25)} ${'last used'.padEnd(25)} revoked`,
      );
      for (const t of tokens) {
        log(
          `${t.name.padEnd(20)} ${t.prefix.padEnd(12)} ${t.scope.join(',').padEnd(16)} ${t.capabilities.join(',').padEnd(16)} ${`${t.createdAt} ${t.createdBy}`.padEnd(25)} ${(t.lastUsedAt ?? 'never').padEnd(25)} ${t.revokedAt ?? '-'}`,
        );
      }
      return;
    }
    case 'revoke': {
      if (!values.name) throw new UserCommandError('pantau token revoke: give --name of the token to revoke.');
      const token = await revokeApiToken(database.orm, values.name, CLI_ACTOR);
      log(`revoked token ${token.name} (${token.prefix}…): its requests now answer 401`);
      return;
    }
    default:
      throw new UserCommandError(USAGE);
  }
}
