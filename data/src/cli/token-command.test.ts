import { describe, expect, test } from 'vitest';
import { tokenAddOptions } from './token-command.js';
import { UserCommandError } from './user-command.js';

const refusal = (values: Parameters<typeof tokenAddOptions>[0]) => {
  try {
    tokenAddOptions(values);
  } catch (error) {
    expect(error).toBeInstanceOf(UserCommandError);
    return (error as Error).message;
  }
  throw new Error('accepted');
};

describe('pantau token add: the options, checked before the database is asked', () => {
  test('a name, a scope of province or regency codes and known capabilities are taken, lists split on commas and repeated --can', () => {
    expect(tokenAddOptions({ name: 'apoa', scope: '19', can: ['report:create'] })).toEqual({ name: 'apoa', scope: ['19'], capabilities: ['report:create'] });
    expect(tokenAddOptions({ name: 'apoa-babel', scope: '19.04, 19.71', can: ['report:create,', 'report:create'] })).toEqual({
      name: 'apoa-babel',
      scope: ['19.04', '19.71'],
      capabilities: ['report:create', 'report:create'],
    });
    expect(tokenAddOptions({ name: 'apoa', scope: '19', can: ['report:create,report:attach'] }).capabilities).toEqual(['report:create', 'report:attach']);
  });

  test('a missing option is named', () => {
    expect(refusal({ scope: '19', can: ['report:create'] })).toMatch(/--name/);
    expect(refusal({ name: 'apoa', can: ['report:create'] })).toMatch(/--scope/);
    expect(refusal({ name: 'apoa', scope: '19' })).toMatch(/--can/);
    expect(refusal({ name: 'apoa', scope: '19', can: [] })).toMatch(/--can/);
  });

  test('an unknown capability is refused naming --can and the capabilities there are', () => {
    expect(refusal({ name: 'apoa', scope: '19', can: ['report:delete'] })).toBe(
      '--can: Unknown capability report:delete; one of report:create, report:attach.',
    );
    expect(refusal({ name: 'apoa', scope: '19', can: ['report:create,users:manage'] })).toMatch(/^--can: Unknown capability users:manage/);
    expect(refusal({ name: 'apoa', scope: '19', can: ['report:attach'] })).toMatch(/^--can: report:attach needs report:create/);
  });

  test('a scope that is not a province or regency code is refused naming --scope', () => {
    expect(refusal({ name: 'apoa', scope: '19.04.01', can: ['report:create'] })).toMatch(/^--scope: Scope "19.04.01": a province or regency code/);
    expect(refusal({ name: 'apoa', scope: 'babel', can: ['report:create'] })).toMatch(/^--scope: Scope "babel"/);
    expect(refusal({ name: 'apoa', scope: ',', can: ['report:create'] })).toMatch(/^--scope: A token needs a scope/);
  });

  test('a name the audit trail could confuse with an account, or with upper case, is refused naming --name', () => {
    expect(refusal({ name: 'apoa@pantau.id', scope: '19', can: ['report:create'] })).toMatch(/^--name: Token name "apoa@pantau.id"/);
    expect(refusal({ name: 'APOA', scope: '19', can: ['report:create'] })).toMatch(/^--name:/);
    expect(refusal({ name: '-apoa', scope: '19', can: ['report:create'] })).toMatch(/^--name:/);
  });
});
