import { describe, expect, test } from 'vitest';
import { isApiTokenFormat, permissionsOfCapabilities, tokenCapabilityFor, tokenOptionsProblem } from './api-tokens.js';

describe('what an API token may call', () => {
  test('report:create opens POST /reports and nothing else: not the triage, not a read, not the public paths', () => {
    expect(tokenCapabilityFor('POST', '/api/v1/reports')).toBe('report:create');
    expect(tokenCapabilityFor('post', '/api/v1/reports')).toBe('report:create');
    for (const [method, path] of [
      ['GET', '/api/v1/reports'],
      ['GET', '/api/v1/reports/1'],
      ['PATCH', '/api/v1/reports/1'],
      ['POST', '/api/v1/reports/1'],
      ['POST', '/api/v1/reports/'],
      ['POST', '/api/v1/reportsx'],
      ['POST', '/api/v2/reports'],
      ['GET', '/api/v1/health'],
      ['POST', '/api/v1/auth/sign-in'],
      ['GET', '/tiles/reports/10/813/525.pbf'],
    ] as const)
      expect([method, path, tokenCapabilityFor(method, path)]).toEqual([method, path, null]);
  });

  test("report:attach opens POST /reports/{id}/attachments and nothing else: not the list of photos, not a photo, not another report's path", () => {
    expect(tokenCapabilityFor('POST', '/api/v1/reports/42/attachments')).toBe('report:attach');
    for (const [method, path] of [
      ['GET', '/api/v1/reports/42/attachments'],
      ['GET', '/api/v1/reports/42/attachments/1'],
      ['POST', '/api/v1/reports/42/attachments/1'],
      ['POST', '/api/v1/reports/42/history'],
      ['POST', '/api/v1/reports/attachments'],
      ['POST', '/api/v1/reports/42/43/attachments'],
    ] as const)
      expect([method, path, tokenCapabilityFor(method, path)]).toEqual([method, path, null]);
  });

  test("a token's permissions are none but the report write its capability needs", () => {
    expect(permissionsOfCapabilities(['report:create'])).toEqual({
      personalData: false,
      import: false,
      manageUsers: false,
      audit: false,
      layers: [],
      lists: false,
      exports: [],
      planning: { read: false, write: false, approve: false },
      reports: { write: true },
    });
    expect(permissionsOfCapabilities(['report:create', 'report:attach'])).toEqual(permissionsOfCapabilities(['report:create']));
    expect(permissionsOfCapabilities([]).reports.write).toBe(false);
  });

  test('a token has the form pt_<8 hex>_<43 base64url>, which no session token (43 characters) has', () => {
    expect(isApiTokenFormat(`pt_0a1b2c3d_${'A'.repeat(43)}`)).toBe(true);
    expect(isApiTokenFormat(`pt_0a1b2c3d_${'A'.repeat(42)}`)).toBe(false);
    expect(isApiTokenFormat(`pt_0A1B2C3D_${'A'.repeat(43)}`)).toBe(false);
    expect(isApiTokenFormat(`pt_${'A'.repeat(40)}`)).toBe(false);
  });

  test('options are refused naming the field', () => {
    expect(tokenOptionsProblem({ name: 'apoa', scope: ['19', '19.04'], capabilities: ['report:create'] })).toBeNull();
    expect(tokenOptionsProblem({ name: 'Apoa', scope: ['19'], capabilities: ['report:create'] })?.field).toBe('name');
    expect(tokenOptionsProblem({ name: 'apoa', scope: ['19.04.01'], capabilities: ['report:create'] })?.field).toBe('scope');
    expect(tokenOptionsProblem({ name: 'apoa', scope: [], capabilities: ['report:create'] })?.field).toBe('scope');
    expect(tokenOptionsProblem({ name: 'apoa', scope: ['19'], capabilities: ['report:read'] })?.field).toBe('capabilities');
    expect(tokenOptionsProblem({ name: 'apoa', scope: ['19'], capabilities: ['report:create', 'report:attach'] })).toBeNull();
    expect(tokenOptionsProblem({ name: 'apoa', scope: ['19'], capabilities: ['report:attach'] })).toMatchObject({
      field: 'capabilities',
      message: expect.stringMatching(/report:attach needs report:create/),
    });
  });
});
