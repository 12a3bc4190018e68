// Every value the API sends for a record's kind, category, status, … has its words in both languages:
// a value the locale files lack shows raw in the panel ("company_site", "walk_in").
import {
  ACTION_KINDS,
  AREA_LEVELS,
  COMPANY_SECTORS,
  ENTRY_POINT_KINDS,
  PERMIT_PURPOSES,
  REPORT_CATEGORIES,
  REPORT_CHANNELS,
  REPORT_STATUSES,
  RISK_CATEGORIES,
  RISK_SEVERITIES,
  TARGET_KINDS,
  TARGET_OUTCOMES,
} from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import panelsEn from '../i18n/locales/en/panels.json';
import panelsId from '../i18n/locales/id/panels.json';

const GROUPS: Record<string, readonly string[]> = {
  action: ACTION_KINDS,
  level: AREA_LEVELS,
  sector: COMPANY_SECTORS,
  entryPointKind: ENTRY_POINT_KINDS,
  purpose: PERMIT_PURPOSES,
  reportCategory: REPORT_CATEGORIES,
  channel: REPORT_CHANNELS,
  reportStatus: REPORT_STATUSES,
  riskCategory: RISK_CATEGORIES,
  severity: RISK_SEVERITIES,
  targetKind: TARGET_KINDS,
  outcome: TARGET_OUTCOMES,
  record: ['company', 'operation', 'report', 'meeting', 'risk_area', 'entry_point'],
};

describe('panel words for API values', () => {
  test.each(Object.entries(GROUPS))('every %s value has its Indonesian and English words', (group, values) => {
    for (const messages of [panelsId, panelsEn] as Array<Record<string, Record<string, unknown>>>) {
      const missing = values.filter((value) => typeof messages[group]?.[value] !== 'string');
      expect(missing).toEqual([]);
    }
  });
});
