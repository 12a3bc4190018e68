import { describe, expect, test } from 'vitest';
import { ADMIN_RESOURCES } from '../admin/admin-locales.js';
import { PLANNING_RESOURCES } from '../planning/planning-locales.js';
import { RESOURCES } from './i18n.js';
import briefingEn from './locales/en/briefing.json';
import briefingId from './locales/id/briefing.json';

/** Every key path of a nested message object: `legend.risk.overstay`, … */
function keyPaths(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keyPaths(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('locale files', () => {
  test.each(['common', 'map', 'access', 'data'] as const)('the %s namespace has the same keys in Indonesian and English', (namespace) => {
    expect(keyPaths(RESOURCES.en[namespace]).sort()).toEqual(keyPaths(RESOURCES.id[namespace]).sort());
  });

  test('the admin namespace (loaded with the admin pages) has the same keys in Indonesian and English', () => {
    expect(keyPaths(ADMIN_RESOURCES.en).sort()).toEqual(keyPaths(ADMIN_RESOURCES.id).sort());
  });

  test('the briefing namespace (loaded with the briefing pages) has the same keys in Indonesian and English', () => {
    expect(keyPaths(briefingEn).sort()).toEqual(keyPaths(briefingId).sort());
  });

  test('the planning namespace (loaded with the planning pages) has the same keys in Indonesian and English', () => {
    expect(keyPaths(PLANNING_RESOURCES.en).sort()).toEqual(keyPaths(PLANNING_RESOURCES.id).sort());
  });
});
