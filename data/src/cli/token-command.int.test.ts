// `pnpm pantau token …` against the database (issue 22): the secret printed once, a list without it, and
// refusals naming the field for what only the database can tell (an unknown area code, an active name).
import { sql } from '@pantau/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { authenticateApiToken } from '../accounts/api-tokens.js';
import { AccountError } from '../accounts/users.js';
import { tokenCommand, type TokenOptions } from './token-command.js';

describe.each(testBackends())('pantau token on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('add prints the secret once with a warning, list never shows it, revoke ends it; bad input names the field', async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    await tokenCommand(t.database, ['add'], { name: 'apoa-cli', scope: '19.04', can: ['report:create'] }, log);
    const secret = /^token: (pt_\S+)$/m.exec(lines.join('\n'))?.[1];
    expect(secret).toMatch(/^pt_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(lines.join('\n')).toMatch(/will not be shown again/);
    expect(await authenticateApiToken(t.database.orm, secret!)).toMatchObject({
      token: { name: 'apoa-cli', capabilities: ['report:create'] },
      scope: { areaCodes: ['19.04'] },
    });
    lines.length = 0;
    await tokenCommand(t.database, ['list'], {}, log);
    const listing = lines.join('\n');
    expect(listing).toMatch(/apoa-cli\s+pt_[0-9a-f]{8}\s+19\.04\s+report:create\s+\S+ cli:\S+\s+\S+\s+-/);
    expect(listing).not.toContain(secret!.slice(12));
    const refusal = async (values: TokenOptions) => {
      try {
        await tokenCommand(t.database, ['add'], values, log);
      } catch (error) {
        return error instanceof AccountError ? { field: error.field, message: error.message } : { field: 'none', message: String(error) };
      }
      return null;
    };
    expect(await refusal({ name: 'apoa-cli', scope: '19', can: ['report:create'] })).toMatchObject({
      field: 'name',
      message: expect.stringMatching(/apoa-cli/),
    });
    expect(await refusal({ name: 'apoa-x', scope: '19.99', can: ['report:create'] })).toMatchObject({
      field: 'scope',
      message: expect.stringMatching(/19\.99/),
    });
    lines.length = 0;
    await tokenCommand(t.database, ['revoke'], { name: 'apoa-cli' }, log);
    expect(lines.join('\n')).toMatch(/revoked token apoa-cli/);
    expect(await authenticateApiToken(t.database.orm, secret!)).toBeNull();
    lines.length = 0;
    await tokenCommand(t.database, ['list'], {}, log);
    expect(lines.join('\n')).toMatch(/apoa-cli .* \d{4}-\d\d-\d\dT\S+Z$/m);
    await expect(tokenCommand(t.database, ['revoke'], { name: 'apoa-cli' }, log)).rejects.toThrow(/No active token named apoa-cli/);
  });

  test('--can report:create,report:attach makes a token that may post reports and their photos; the table holds no other capability', async () => {
    const lines: string[] = [];
    await tokenCommand(t.database, ['add'], { name: 'apoa-foto', scope: '19', can: ['report:create,report:attach'] }, (line) => lines.push(line));
    expect(lines[0]).toMatch(/^added token apoa-foto \(pt_[0-9a-f]{8}…\): scope 19; may report:create, report:attach$/);
    const secret = /^token: (pt_\S+)$/m.exec(lines.join('\n'))?.[1];
    expect((await authenticateApiToken(t.database.orm, secret!))?.token.capabilities).toEqual(['report:create', 'report:attach']);
    // The check of migration 0028, should a write ever bypass the validated path.
    await expect(
      t.database.orm.execute(
        sql`insert into api_tokens (name, prefix, token_hash, scope_codes, capabilities, created_by, created_at) values ('raw', 'pt_0000beef', 'x', array['19'], array['report:read'], 'test', now())`,
      ),
    ).rejects.toThrow();
  });
});
